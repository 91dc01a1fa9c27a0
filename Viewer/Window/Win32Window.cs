using System.Runtime.InteropServices;
using Silk.NET.Vulkan;
using StyleForge.Viewer.Vulkan;

namespace StyleForge.Viewer.Window;

/// <summary>
/// One top-level Win32 window. Window messages arrive through a window procedure, which turns them
/// into the same <see cref="WindowEvent"/>s the X11 window produces (virtual-key codes become X11
/// keysyms, the wheel becomes buttons 4 and 5), so <see cref="ViewerSession"/> behaves identically.
/// </summary>
internal sealed unsafe class Win32Window : IPlatformWindow
{
    private const string ClassName = "StyleForgeViewer";

    // Registering the class and choosing DPI awareness are once per process.
    private static readonly Lazy<nint> Module = new(Register);

    private readonly Queue<WindowEvent> _events = new();
    private GCHandle _self;
    private string _title = string.Empty;
    private bool _minimised;
    private bool _destroyed;

    private Win32Window()
    {
    }

    public nint Handle { get; private set; }

    public string SurfaceExtension => "VK_KHR_win32_surface";

    public bool HasPendingEvents
    {
        get
        {
            Win32.Msg message;
            return _events.Count > 0 || Win32.PeekMessageW(&message, 0, 0, 0, Win32.PM_NOREMOVE) != 0;
        }
    }

    public string Title
    {
        get => _title;
        set
        {
            if (value != _title)
            {
                _title = value;
                Win32.SetWindowTextW(Handle, value);
            }
        }
    }

    /// <summary>Creates and shows a window whose client area is <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static Win32Window Open(int width, int height)
    {
        var module = Module.Value;
        var frame = new Win32.Rect { Right = width, Bottom = height };
        Win32.AdjustWindowRectEx(&frame, Win32.WS_OVERLAPPEDWINDOW, false, 0);
        var window = new Win32Window();
        window._self = GCHandle.Alloc(window);
        var handle = Win32.CreateWindowExW(0, ClassName, string.Empty, Win32.WS_OVERLAPPEDWINDOW, 0, 0,
            frame.Right - frame.Left, frame.Bottom - frame.Top, 0, 0, module, 0);
        if (handle == 0)
        {
            var error = Marshal.GetLastPInvokeError();
            window._self.Free();
            throw new DisplayUnavailableException($"CreateWindowEx failed (Win32 error {error}); render a contact sheet instead.");
        }
        window.Handle = handle;
        Win32.SetWindowLongPtrW(handle, Win32.GWLP_USERDATA, GCHandle.ToIntPtr(window._self));
        Win32.ShowWindow(handle, Win32.SW_SHOW);
        return window;
    }

    /// <summary>
    /// Returns the next event, blocking until a message arrives. A message that means nothing to the viewer
    /// gives <see cref="WindowEventKind.Other"/> rather than waiting on, so a peeked message never stalls drawing.
    /// </summary>
    public WindowEvent NextEvent()
    {
        if (_events.TryDequeue(out var queued))
        {
            return queued;
        }
        Win32.Msg message;
        var got = Win32.GetMessageW(&message, 0, 0, 0);
        if (got == 0)
        {
            return new WindowEvent(WindowEventKind.Closed);
        }
        if (got < 0)
        {
            throw new InvalidOperationException($"GetMessage failed for the viewer window (Win32 error {Marshal.GetLastSystemError()}).");
        }
        Win32.DispatchMessageW(&message);
        return _events.TryDequeue(out var e) ? e : new WindowEvent(WindowEventKind.Other);
    }

    public SurfaceKHR CreateSurface(VulkanInstance instance)
    {
        var create = (delegate* unmanaged<Instance, Win32SurfaceCreateInfoKHR*, AllocationCallbacks*, SurfaceKHR*, Result>)
            instance.Function("vkCreateWin32SurfaceKHR");
        var info = new Win32SurfaceCreateInfoKHR
        {
            SType = StructureType.Win32SurfaceCreateInfoKhr,
            Hinstance = Module.Value,
            Hwnd = Handle,
        };
        SurfaceKHR surface;
        VulkanCall.Check(create(instance.Handle, &info, null, &surface), "vkCreateWin32SurfaceKHR");
        return surface;
    }

    public void Dispose()
    {
        if (!_destroyed)
        {
            Win32.DestroyWindow(Handle);
        }
        if (_self.IsAllocated)
        {
            Win32.SetWindowLongPtrW(Handle, Win32.GWLP_USERDATA, 0);
            _self.Free();
        }
    }

    private static nint Register()
    {
        // Per-monitor awareness: sizes and mouse positions are physical pixels, as on X11, and Windows does not
        // stretch the frames. It fails when a manifest or host already chose; then that choice stands.
        Win32.SetProcessDpiAwarenessContext(Win32.PerMonitorAwareV2);
        var module = Win32.GetModuleHandleW(null);
        fixed (char* name = ClassName)
        {
            var windowClass = new Win32.WndClassEx
            {
                Size = (uint)sizeof(Win32.WndClassEx),
                Style = Win32.CS_HREDRAW | Win32.CS_VREDRAW,
                WndProc = &WindowProcedure,
                Instance = module,
                Cursor = Win32.LoadCursorW(0, Win32.IDC_ARROW),
                ClassName = name,
            };
            if (Win32.RegisterClassExW(&windowClass) == 0)
            {
                throw new DisplayUnavailableException(
                    $"RegisterClassEx failed (Win32 error {Marshal.GetLastPInvokeError()}); render a contact sheet instead.");
            }
        }
        return module;
    }

    [UnmanagedCallersOnly]
    private static nint WindowProcedure(nint handle, uint message, nuint wParam, nint lParam)
    {
        // Messages sent during CreateWindowEx come before the window knows its object.
        var self = Win32.GetWindowLongPtrW(handle, Win32.GWLP_USERDATA);
        if (self == 0 || GCHandle.FromIntPtr(self).Target is not Win32Window window)
        {
            return Win32.DefWindowProcW(handle, message, wParam, lParam);
        }
        return window.OnMessage(message, wParam, lParam) ?? Win32.DefWindowProcW(handle, message, wParam, lParam);
    }

    /// <summary>Queues what a message means to the viewer; null leaves the message to DefWindowProc.</summary>
    private nint? OnMessage(uint message, nuint wParam, nint lParam)
    {
        var x = (short)(lParam & 0xFFFF);
        var y = (short)((lParam >> 16) & 0xFFFF);
        switch (message)
        {
            case Win32.WM_KEYDOWN when KeySym(wParam) is { } down:
                _events.Enqueue(new WindowEvent(WindowEventKind.KeyDown, KeySym: down));
                return 0;
            case Win32.WM_KEYUP when KeySym(wParam) is { } up:
                _events.Enqueue(new WindowEvent(WindowEventKind.KeyUp, KeySym: up));
                return 0;
            case Win32.WM_LBUTTONDOWN or Win32.WM_MBUTTONDOWN or Win32.WM_RBUTTONDOWN:
                // Capture keeps the drag going when the pointer leaves the window, as an X11 implicit grab does.
                Win32.SetCapture(Handle);
                _events.Enqueue(new WindowEvent(WindowEventKind.ButtonDown, Button: Button(message), X: x, Y: y));
                return 0;
            case Win32.WM_LBUTTONUP or Win32.WM_MBUTTONUP or Win32.WM_RBUTTONUP:
                Win32.ReleaseCapture();
                _events.Enqueue(new WindowEvent(WindowEventKind.ButtonUp, Button: Button(message), X: x, Y: y));
                return 0;
            case Win32.WM_MOUSEMOVE:
                _events.Enqueue(new WindowEvent(WindowEventKind.Motion, X: x, Y: y));
                return 0;
            case Win32.WM_MOUSEWHEEL:
            {
                // The wheel reports screen coordinates; X11's buttons 4 (up) and 5 (down) carry window ones.
                var point = new Win32.Point { X = x, Y = y };
                Win32.ScreenToClient(Handle, &point);
                var delta = (short)((wParam >> 16) & 0xFFFF);
                _events.Enqueue(new WindowEvent(WindowEventKind.ButtonDown, Button: delta > 0 ? 4 : 5, X: point.X, Y: point.Y));
                return 0;
            }
            case Win32.WM_SIZE when wParam == Win32.SIZE_MINIMIZED:
                _minimised = true;
                _events.Enqueue(new WindowEvent(WindowEventKind.Hidden));
                return 0;
            case Win32.WM_SIZE:
                if (_minimised)
                {
                    _minimised = false;
                    _events.Enqueue(new WindowEvent(WindowEventKind.Shown));
                }
                _events.Enqueue(new WindowEvent(WindowEventKind.Resized, X: (ushort)(lParam & 0xFFFF), Y: (ushort)((lParam >> 16) & 0xFFFF)));
                return 0;
            case Win32.WM_DPICHANGED:
            {
                // Windows suggests a frame that keeps the window's physical size on the new monitor.
                var suggested = (Win32.Rect*)lParam;
                Win32.SetWindowPos(Handle, 0, suggested->Left, suggested->Top, suggested->Right - suggested->Left,
                    suggested->Bottom - suggested->Top, Win32.SWP_NOZORDER | Win32.SWP_NOACTIVATE);
                return 0;
            }
            case Win32.WM_PAINT:
                Win32.ValidateRect(Handle, null);
                _events.Enqueue(new WindowEvent(WindowEventKind.Exposed));
                return 0;
            case Win32.WM_ERASEBKGND:
                // Vulkan paints every pixel; erasing first would flash the class background.
                return 1;
            case Win32.WM_CLOSE:
                // The close button or Alt+F4: end the viewer, which then destroys the window in Dispose.
                _events.Enqueue(new WindowEvent(WindowEventKind.Closed));
                return 0;
            case Win32.WM_DESTROY:
                _destroyed = true;
                _events.Enqueue(new WindowEvent(WindowEventKind.Closed));
                return 0;
            default:
                return null;
        }
    }

    private static int Button(uint message) => message switch
    {
        Win32.WM_LBUTTONDOWN or Win32.WM_LBUTTONUP => 1,
        Win32.WM_MBUTTONDOWN or Win32.WM_MBUTTONUP => 2,
        _ => 3,
    };

    /// <summary>The X11 keysym of a virtual-key code, for the keys <see cref="KeyMap"/> knows; null for the rest.</summary>
    internal static ulong? KeySym(nuint virtualKey) => virtualKey switch
    {
        0x09 => 0xff09, // VK_TAB
        0x1B => 0xff1b, // VK_ESCAPE
        0x20 => 0x0020, // VK_SPACE
        0x21 => 0xff55, // VK_PRIOR (Page Up)
        0x22 => 0xff56, // VK_NEXT (Page Down)
        0x25 => 0xff51, // VK_LEFT
        0x26 => 0xff52, // VK_UP
        0x27 => 0xff53, // VK_RIGHT
        0x28 => 0xff54, // VK_DOWN
        >= 0x30 and <= 0x39 => virtualKey, // digits: the same codes as their keysyms
        >= 0x41 and <= 0x5A => virtualKey + 0x20, // letters: keysyms are the lower-case characters
        0x6B => 0xffab, // VK_ADD (keypad +)
        0x6D => 0xffad, // VK_SUBTRACT (keypad -)
        >= 0x70 and <= 0x7B => 0xffbe + (virtualKey - 0x70), // VK_F1..VK_F12
        0xBB => 0x003d, // VK_OEM_PLUS: the =/+ key
        0xBD => 0x002d, // VK_OEM_MINUS
        0xDB => 0x005b, // VK_OEM_4: [ on US layouts
        0xDD => 0x005d, // VK_OEM_6: ] on US layouts
        _ => null,
    };
}
