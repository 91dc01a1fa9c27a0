using System.Runtime.InteropServices;

namespace StyleForge.Viewer.Window;

// The XEvent members the viewer reads, laid out as Xlib.h declares them. Sequential layout gives C's natural alignment,
// so on LP64 (Linux x64 and arm64) the fields land where libX11 writes them; XlibEventLayoutTests pins the offsets.
// Each event kind is read through its own struct: the same byte offset means a different field in another kind.

/// <summary>XKeyEvent (KeyPress, KeyRelease).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct XKeyEvent
{
    public int Type;
    public nuint Serial;
    public int SendEvent;
    public nint Display;
    public nint Window;
    public nint Root;
    public nint Subwindow;
    public nuint Time;
    public int X;
    public int Y;
    public int XRoot;
    public int YRoot;
    public uint State;
    public uint Keycode;
    public int SameScreen;
}

/// <summary>XButtonEvent (ButtonPress, ButtonRelease).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct XButtonEvent
{
    public int Type;
    public nuint Serial;
    public int SendEvent;
    public nint Display;
    public nint Window;
    public nint Root;
    public nint Subwindow;
    public nuint Time;
    public int X;
    public int Y;
    public int XRoot;
    public int YRoot;
    public uint State;
    public uint Button;
    public int SameScreen;
}

/// <summary>XMotionEvent (MotionNotify).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct XMotionEvent
{
    public int Type;
    public nuint Serial;
    public int SendEvent;
    public nint Display;
    public nint Window;
    public nint Root;
    public nint Subwindow;
    public nuint Time;
    public int X;
    public int Y;
    public int XRoot;
    public int YRoot;
    public uint State;
    public byte IsHint;
    public int SameScreen;
}

/// <summary>XConfigureEvent (ConfigureNotify).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct XConfigureEvent
{
    public int Type;
    public nuint Serial;
    public int SendEvent;
    public nint Display;
    public nint Event;
    public nint Window;
    public int X;
    public int Y;
    public int Width;
    public int Height;
    public int BorderWidth;
    public nint Above;
    public int OverrideRedirect;
}

/// <summary>XClientMessageEvent (ClientMessage); only the first of the five longs of its data is read.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct XClientMessageEvent
{
    public int Type;
    public nuint Serial;
    public int SendEvent;
    public nint Display;
    public nint Window;
    public nint MessageType;
    public int Format;
    public nint Data0;
}
