using System.Runtime.InteropServices;

namespace StyleForge.Viewer.Window;

/// <summary>The few libX11 entry points the viewer window needs, and the constants from X.h it uses.</summary>
internal static unsafe partial class Xlib
{
    private const string Library = "libX11.so.6";

    public const long KeyPressMask = 1L << 0;
    public const long KeyReleaseMask = 1L << 1;
    public const long ButtonPressMask = 1L << 2;
    public const long ButtonReleaseMask = 1L << 3;
    public const long PointerMotionMask = 1L << 6;
    public const long ExposureMask = 1L << 15;
    public const long StructureNotifyMask = 1L << 17;

    public const int KeyPress = 2;
    public const int KeyRelease = 3;
    public const int ButtonPress = 4;
    public const int ButtonRelease = 5;
    public const int MotionNotify = 6;
    public const int Expose = 12;
    public const int DestroyNotify = 17;
    public const int UnmapNotify = 18;
    public const int MapNotify = 19;
    public const int ConfigureNotify = 22;
    public const int ClientMessage = 33;

    public const int PropModeReplace = 0;

    /// <summary>XEvent is a union padded to 24 longs.</summary>
    public const int EventSize = 24 * 8;

    [LibraryImport(Library)]
    public static partial int XInitThreads();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint XOpenDisplay(string? name);

    [LibraryImport(Library)]
    public static partial int XCloseDisplay(nint display);

    [LibraryImport(Library)]
    public static partial int XDefaultScreen(nint display);

    [LibraryImport(Library)]
    public static partial nint XRootWindow(nint display, int screen);

    [LibraryImport(Library)]
    public static partial nuint XBlackPixel(nint display, int screen);

    [LibraryImport(Library)]
    public static partial nint XCreateSimpleWindow(nint display, nint parent, int x, int y, uint width, uint height,
        uint borderWidth, nuint border, nuint background);

    [LibraryImport(Library)]
    public static partial int XDestroyWindow(nint display, nint window);

    [LibraryImport(Library)]
    public static partial int XSelectInput(nint display, nint window, nint eventMask);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint XInternAtom(nint display, string name, int onlyIfExists);

    [LibraryImport(Library)]
    public static partial int XSetWMProtocols(nint display, nint window, nint* protocols, int count);

    [LibraryImport(Library)]
    public static partial int XMapWindow(nint display, nint window);

    [LibraryImport(Library)]
    public static partial int XStoreName(nint display, nint window, byte* name);

    [LibraryImport(Library)]
    public static partial int XChangeProperty(nint display, nint window, nint property, nint type, int format, int mode,
        byte* data, int elementCount);

    [LibraryImport(Library)]
    public static partial int XPending(nint display);

    [LibraryImport(Library)]
    public static partial int XNextEvent(nint display, byte* xevent);

    [LibraryImport(Library)]
    public static partial nuint XLookupKeysym(byte* keyEvent, int index);

    [LibraryImport(Library)]
    public static partial int XFlush(nint display);

    [LibraryImport(Library)]
    public static partial int XkbSetDetectableAutoRepeat(nint display, int detectable, int* supported);
}
