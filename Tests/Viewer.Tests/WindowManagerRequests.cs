using System.Runtime.InteropServices;

namespace StyleForge.Viewer.Tests;

/// <summary>
/// Plays the window manager's part that Xvfb lacks: asking a window to close through the
/// WM_DELETE_WINDOW protocol, as the close button of a desktop does.
/// </summary>
internal static unsafe partial class WindowManagerRequests
{
    private const string Library = "libX11.so.6";
    private const int ClientMessage = 33;

    public static void RequestClose(string display, long window)
    {
        var connection = XOpenDisplay(display);
        Assert.True(connection != 0, $"Cannot open X display {display}.");
        try
        {
            // An XClientMessageEvent laid out as in Xlib.h (LP64), padded to the 192-byte XEvent.
            var e = stackalloc byte[192];
            new Span<byte>(e, 192).Clear();
            *(int*)e = ClientMessage;
            *(int*)(e + 16) = 1;
            *(nint*)(e + 24) = connection;
            *(nint*)(e + 32) = (nint)window;
            *(nint*)(e + 40) = XInternAtom(connection, "WM_PROTOCOLS", 0);
            *(int*)(e + 48) = 32;
            *(nint*)(e + 56) = XInternAtom(connection, "WM_DELETE_WINDOW", 0);
            Assert.True(XSendEvent(connection, (nint)window, 0, 0, e) != 0, "XSendEvent failed.");
            XFlush(connection);
        }
        finally
        {
            XCloseDisplay(connection);
        }
    }

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint XOpenDisplay(string name);

    [LibraryImport(Library)]
    private static partial int XCloseDisplay(nint display);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint XInternAtom(nint display, string name, int onlyIfExists);

    [LibraryImport(Library)]
    private static partial int XSendEvent(nint display, nint window, int propagate, nint eventMask, byte* xevent);

    [LibraryImport(Library)]
    private static partial int XFlush(nint display);
}
