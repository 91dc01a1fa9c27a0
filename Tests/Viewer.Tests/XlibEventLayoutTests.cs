using System.Runtime.InteropServices;
using StyleForge.Viewer.Window;

namespace StyleForge.Viewer.Tests;

/// <summary>
/// The event structs the X11 window reads land where libX11 writes: offsets and sizes printed by gcc with offsetof and
/// sizeof from X11/Xlib.h on Linux x64 (Debian 13, libx11-dev 2:1.8), pinned here because the CI machine has no headers.
/// </summary>
public sealed class XlibEventLayoutTests
{
    [Fact]
    public void Event_structs_match_the_LP64_layout_of_Xlib_h()
    {
        Assert.Equal((64, 68, 84, 96), (Offset<XKeyEvent>("X"), Offset<XKeyEvent>("Y"), Offset<XKeyEvent>("Keycode"), Marshal.SizeOf<XKeyEvent>()));
        Assert.Equal((64, 84, 96), (Offset<XButtonEvent>("X"), Offset<XButtonEvent>("Button"), Marshal.SizeOf<XButtonEvent>()));
        Assert.Equal((64, 84, 88, 96),
            (Offset<XMotionEvent>("X"), Offset<XMotionEvent>("IsHint"), Offset<XMotionEvent>("SameScreen"), Marshal.SizeOf<XMotionEvent>()));
        Assert.Equal((56, 60, 72, 80, 88),
            (Offset<XConfigureEvent>("Width"), Offset<XConfigureEvent>("Height"), Offset<XConfigureEvent>("Above"),
             Offset<XConfigureEvent>("OverrideRedirect"), Marshal.SizeOf<XConfigureEvent>()));
        Assert.Equal((48, 56), (Offset<XClientMessageEvent>("Format"), Offset<XClientMessageEvent>("Data0")));

        // And every struct fits in the XEvent union the window's buffer holds (sizeof(XEvent) = 192)
        Assert.Equal(192, Xlib.EventSize);
    }

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);
}
