using System.Numerics;
using StyleForge.Viewer.Views;
using StyleForge.Viewer.Window;

namespace StyleForge.Viewer.Tests;

public sealed class ViewerSessionTests
{
    private const ulong Right = 0xff53;
    private const ulong Left = 0xff51;
    private const ulong F3 = 0xffc0;
    private const ulong F4 = 0xffc1;
    private const ulong F5 = 0xffc2;
    private const ulong One = 0x31;
    private const ulong KeyF = 0x66;
    private const ulong BracketRight = 0x5d;
    private const ulong BracketLeft = 0x5b;

    private static readonly ViewerPair Small = new(TestImages.Solid("small.png", 100, 50, 1, 2, 3), TestImages.Solid("small.png", 100, 50, 4, 5, 6));
    private static readonly ViewerPair Large = new(TestImages.Solid("large.png", 400, 400, 1, 2, 3), null);

    [Fact]
    public void The_wheel_zooms_around_the_cursor_keeping_the_texel_under_it_in_place()
    {
        // Given a fitted split view
        var session = Open(ViewMode.Split, Small);
        var cursor = new Vector2(300, 100);
        var before = ContentUnder(session, cursor);

        // When the wheel turns up three steps over a point off-centre
        for (var i = 0; i < 3; i++)
        {
            session.Handle(new WindowEvent(WindowEventKind.ButtonDown, Button: 4, X: 300, Y: 100));
        }

        // Then the zoom grew and the same content point is still under the cursor
        Assert.Equal(4 * 1.25f * 1.25f * 1.25f, session.State.Zoom, 3);
        Assert.Equal(before.X, ContentUnder(session, cursor).X, 3);
        Assert.Equal(before.Y, ContentUnder(session, cursor).Y, 3);
    }

    [Fact]
    public void Dragging_pans_the_content_with_the_mouse()
    {
        // Given a fitted view at 4 px per texel
        var session = Open(ViewMode.Split, Small);
        var center = session.State.Center;

        // When the right button drags 40 px to the right
        session.Handle(new WindowEvent(WindowEventKind.ButtonDown, Button: 3, X: 100, Y: 100));
        session.Handle(new WindowEvent(WindowEventKind.Motion, X: 140, Y: 100));
        session.Handle(new WindowEvent(WindowEventKind.ButtonUp, Button: 3, X: 140, Y: 100));

        // Then the view moved 10 texels left in content, and further motion without a button does nothing
        Assert.Equal(center - new Vector2(10, 0), session.State.Center);
        session.Handle(new WindowEvent(WindowEventKind.Motion, X: 300, Y: 100));
        Assert.Equal(center - new Vector2(10, 0), session.State.Center);
    }

    [Fact]
    public void Arrow_keys_wrap_around_the_list_and_refit_each_file()
    {
        // Given two files, the first zoomed to 1:1
        var session = Open(ViewMode.Single, Small, Large);
        Key(session, One);
        Assert.Equal(1, session.State.Zoom);

        // When Right is pressed twice and Left once
        Key(session, Right);
        Key(session, Right);
        Assert.Equal(0, session.Index);
        Key(session, Left);
        session.PrepareFrame();

        // Then the list wrapped both ways and the second file is shown, fitted to the 400x200 view
        Assert.Equal(1, session.Index);
        Assert.Equal(0.5f, session.State.Zoom);
        Assert.Contains("large.png (400x400) - single - 2/2 - 50%", session.Title);
    }

    [Fact]
    public void Tile_refits_while_split_and_flip_keep_the_zoom()
    {
        // Given a split view zoomed to 1:1
        var session = Open(ViewMode.Split, Small);
        Key(session, One);

        // When switching to flip, Then the zoom stays
        Key(session, F4);
        session.PrepareFrame();
        Assert.Equal(1, session.State.Zoom);

        // When switching to tile, Then the 300x150 tiling is fitted to the 400x200 view; F refits it again
        Key(session, F5);
        session.PrepareFrame();
        Assert.Equal(400f / 300, session.State.Zoom, 4);
        Key(session, One);
        Key(session, KeyF);
        session.PrepareFrame();
        Assert.Equal(400f / 300, session.State.Zoom, 4);
    }

    [Fact]
    public void Dragging_near_the_divider_moves_the_split()
    {
        // Given a split view with the divider in the middle of a 400 px view
        var session = Open(ViewMode.Split, Small);
        Key(session, F3);

        // When the left button drags from the divider to x = 300
        session.Handle(new WindowEvent(WindowEventKind.ButtonDown, Button: 1, X: 203, Y: 50));
        session.Handle(new WindowEvent(WindowEventKind.Motion, X: 300, Y: 50));

        // Then the split follows and the content did not pan
        Assert.Equal(0.75f, session.State.Split);
        Assert.Equal(new Vector2(50, 25), session.State.Center);
    }

    [Fact]
    public void Bracket_keys_step_through_the_mip_levels_refitting_each_and_the_title_names_the_level()
    {
        // Given a 64x64 texture with three levels of its own, fitted to a 400x200 view
        var session = Open(ViewMode.Single, new ViewerPair(TestImages.WithLevels("wall.dds", 64, (255, 0, 0), (0, 255, 0), (0, 0, 255)), null));
        Assert.Contains("wall.dds (64x64) - R8G8B8A8_UNORM, mip level 0 of 0-2 (64x64) - single", session.Title);

        // When ] is pressed
        Key(session, BracketRight);
        session.PrepareFrame();

        // Then level 1 (32x32) is shown, fitted to the view with its texels magnified
        Assert.Equal(1, session.State.MipLevel);
        Assert.Equal(200f / 32, session.State.Zoom);
        Assert.Contains("mip level 1 of 0-2 (32x32)", session.Title);

        // When ] is pressed past the last level and [ once, Then it stops at 2 and comes back to 1
        Key(session, BracketRight);
        Key(session, BracketRight);
        Assert.Equal(2, session.State.MipLevel);
        Key(session, BracketLeft);
        Assert.Equal(1, session.State.MipLevel);
    }

    [Fact]
    public void Bracket_keys_leave_a_plain_image_at_its_only_level()
    {
        // Given a PNG-like image without levels of its own, When ] is pressed, Then level 0 stays and the title has no level
        var session = Open(ViewMode.Single, Large);
        Key(session, BracketRight);
        Assert.Equal(0, session.State.MipLevel);
        Assert.DoesNotContain("mip level", session.Title);
    }

    [Fact]
    public void Every_key_action_is_listed_in_the_bindings_for_help_and_docs()
    {
        // Given the public binding list, When it is read, Then every action has a described key and the mouse is covered
        var bindings = WindowViewer.KeyBindings;
        Assert.Equal(Enum.GetValues<ViewerAction>().Length + 3, bindings.Count);
        Assert.All(bindings, b => Assert.False(string.IsNullOrWhiteSpace(b.Key) || string.IsNullOrWhiteSpace(b.Action)));
        Assert.Contains(bindings, b => b.Key == "Mouse wheel");
        Assert.Contains(bindings, b => b.Key.Contains("Space"));
    }

    [Fact]
    public void Docs_list_every_binding_exactly_as_the_help_text_does()
    {
        // Given docs/viewer.md, When it is read, Then each (key, action) row of the help text is in its table
        var doc = File.ReadAllText(RepositoryFiles.ViewerDoc);
        Assert.All(WindowViewer.KeyBindings, b => Assert.Contains($"| {b.Key} | {b.Action} |", doc));
    }

    private static ViewerSession Open(ViewMode mode, params ViewerPair[] pairs)
    {
        var session = new ViewerSession(pairs, new ViewerOptions { Mode = mode, Width = 400, Height = 200 });
        session.PrepareFrame();
        return session;
    }

    private static void Key(ViewerSession session, ulong keySym)
    {
        session.Handle(new WindowEvent(WindowEventKind.KeyDown, KeySym: keySym));
        session.Handle(new WindowEvent(WindowEventKind.KeyUp, KeySym: keySym));
    }

    private static Vector2 ContentUnder(ViewerSession session, Vector2 cursor) =>
        (cursor - session.ViewSize / 2) / session.State.Zoom + session.State.Center;
}
