using System.Text;
using Silk.NET.Vulkan;
using StyleForge.Viewer.Vulkan;

namespace StyleForge.Viewer.Window;

/// <summary>An X11 connection and one top-level window on it.</summary>
internal sealed unsafe class XlibWindow : IPlatformWindow
{
    private static readonly Lazy<int> ThreadsInitialised = new(Xlib.XInitThreads);

    private readonly nint _deleteWindow;
    private readonly nint _netWmName;
    private readonly nint _utf8String;
    private string _title = string.Empty;
    private bool _destroyed;

    private XlibWindow(nint display, nint window, int width, int height)
    {
        Display = display;
        Handle = window;
        Width = width;
        Height = height;
        _deleteWindow = Xlib.XInternAtom(display, "WM_DELETE_WINDOW", 0);
        _netWmName = Xlib.XInternAtom(display, "_NET_WM_NAME", 0);
        _utf8String = Xlib.XInternAtom(display, "UTF8_STRING", 0);
    }

    public nint Display { get; }

    public nint Handle { get; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Connects to the X server and maps a window of the given client size at the top-left corner.</summary>
    /// <exception cref="DisplayUnavailableException">No display is configured or it cannot be opened.</exception>
    public static XlibWindow Open(string? displayName, int width, int height)
    {
        var name = string.IsNullOrEmpty(displayName) ? Environment.GetEnvironmentVariable("DISPLAY") : displayName;
        if (string.IsNullOrEmpty(name))
        {
            throw new DisplayUnavailableException(
                "No X display: DISPLAY is not set. Run inside an X session or under xvfb-run, or render a contact sheet instead.");
        }

        nint display;
        try
        {
            // Mesa's window-system code can talk to the connection from its own threads.
            _ = ThreadsInitialised.Value;
            display = Xlib.XOpenDisplay(name);
        }
        catch (DllNotFoundException e)
        {
            throw new DisplayUnavailableException($"libX11.so.6 could not be loaded ({e.Message}); install libx11-6.");
        }
        if (display == 0)
        {
            throw new DisplayUnavailableException($"Cannot open X display '{name}'. Check DISPLAY and that the X server is running.");
        }

        var screen = Xlib.XDefaultScreen(display);
        var black = Xlib.XBlackPixel(display, screen);
        var handle = Xlib.XCreateSimpleWindow(display, Xlib.XRootWindow(display, screen), 0, 0,
            (uint)width, (uint)height, 0, black, black);
        var window = new XlibWindow(display, handle, width, height);
        Xlib.XSelectInput(display, handle, (nint)(Xlib.KeyPressMask | Xlib.KeyReleaseMask | Xlib.ButtonPressMask |
            Xlib.ButtonReleaseMask | Xlib.PointerMotionMask | Xlib.ExposureMask | Xlib.StructureNotifyMask));
        var protocols = window._deleteWindow;
        Xlib.XSetWMProtocols(display, handle, &protocols, 1);
        // Without this, a held key arrives as release/press pairs and flip would flicker.
        int supported;
        Xlib.XkbSetDetectableAutoRepeat(display, 1, &supported);
        Xlib.XMapWindow(display, handle);
        Xlib.XFlush(display);
        return window;
    }

    public string SurfaceExtension => "VK_KHR_xlib_surface";

    public bool HasPendingEvents => Xlib.XPending(Display) > 0;

    public string Title
    {
        get => _title;
        set
        {
            if (value == _title)
            {
                return;
            }
            _title = value;
            // WM_NAME is Latin-1 only; _NET_WM_NAME carries the exact UTF-8 for modern window managers.
            var latin1 = Encoding.Latin1.GetBytes(value + "\0");
            var utf8 = Encoding.UTF8.GetBytes(value);
            fixed (byte* l = latin1)
            fixed (byte* u = utf8)
            {
                Xlib.XStoreName(Display, Handle, l);
                Xlib.XChangeProperty(Display, Handle, _netWmName, _utf8String, 8, Xlib.PropModeReplace, u, utf8.Length);
            }
            Xlib.XFlush(Display);
        }
    }

    /// <summary>Returns the next event, blocking until one arrives.</summary>
    public WindowEvent NextEvent()
    {
        var e = stackalloc byte[Xlib.EventSize];
        Xlib.XNextEvent(Display, e);
        // Each kind through its own struct (XlibEvents.cs): pointer position exists only in key, button and motion events.
        switch (*(int*)e)
        {
            case Xlib.KeyPress or Xlib.KeyRelease:
            {
                var key = (XKeyEvent*)e;
                var kind = key->Type == Xlib.KeyPress ? WindowEventKind.KeyDown : WindowEventKind.KeyUp;
                return new WindowEvent(kind, KeySym: Xlib.XLookupKeysym(e, 0), X: key->X, Y: key->Y);
            }
            case Xlib.ButtonPress or Xlib.ButtonRelease:
            {
                var button = (XButtonEvent*)e;
                var kind = button->Type == Xlib.ButtonPress ? WindowEventKind.ButtonDown : WindowEventKind.ButtonUp;
                return new WindowEvent(kind, Button: (int)button->Button, X: button->X, Y: button->Y);
            }
            case Xlib.MotionNotify:
                return new WindowEvent(WindowEventKind.Motion, X: ((XMotionEvent*)e)->X, Y: ((XMotionEvent*)e)->Y);
            case Xlib.ConfigureNotify:
                Width = ((XConfigureEvent*)e)->Width;
                Height = ((XConfigureEvent*)e)->Height;
                return new WindowEvent(WindowEventKind.Resized, X: Width, Y: Height);
            case Xlib.Expose:
                return new WindowEvent(WindowEventKind.Exposed);
            case Xlib.UnmapNotify:
                return new WindowEvent(WindowEventKind.Hidden);
            case Xlib.MapNotify:
                return new WindowEvent(WindowEventKind.Shown);
            case Xlib.DestroyNotify:
                _destroyed = true;
                return new WindowEvent(WindowEventKind.Closed);
            case Xlib.ClientMessage when ((XClientMessageEvent*)e)->Data0 == _deleteWindow:
                return new WindowEvent(WindowEventKind.Closed);
            default:
                return new WindowEvent(WindowEventKind.Other);
        }
    }

    public SurfaceKHR CreateSurface(VulkanInstance instance)
    {
        var create = (delegate* unmanaged<Instance, XlibSurfaceCreateInfoKHR*, AllocationCallbacks*, SurfaceKHR*, Result>)
            instance.Function("vkCreateXlibSurfaceKHR");
        var info = new XlibSurfaceCreateInfoKHR
        {
            SType = StructureType.XlibSurfaceCreateInfoKhr,
            Dpy = (nint*)Display,
            Window = Handle,
        };
        SurfaceKHR surface;
        VulkanCall.Check(create(instance.Handle, &info, null, &surface), "vkCreateXlibSurfaceKHR");
        return surface;
    }

    public void Dispose()
    {
        // Destroying an already destroyed window is an X error, and Xlib's default handler exits the process.
        if (!_destroyed)
        {
            Xlib.XDestroyWindow(Display, Handle);
        }
        Xlib.XCloseDisplay(Display);
    }
}
