namespace StyleForge.Viewer.Tests;

[Collection(VulkanCollection.Name)]
public sealed class WindowViewerTests(XvfbDisplay display)
{
    private static readonly (byte, byte, byte) Red = (255, 0, 0);
    private static readonly (byte, byte, byte) Blue = (0, 0, 255);
    private static readonly (byte, byte, byte) Black = (0, 0, 0);
    private static readonly (byte, byte, byte) Background = ExpectedSheet.Background;

    // DIVIDER in view.frag: (1.0, 0.85, 0.2).
    private static readonly (byte, byte, byte) Divider = (255, 217, 51);

    private static readonly ViewerPair RedToBlue = new(
        TestImages.Solid("maps/red.png", 64, 64, 255, 0, 0),
        TestImages.Solid("maps/red.png", 64, 64, 0, 0, 255));

    [Fact]
    public void With_a_frame_limit_the_window_presents_that_many_frames_and_returns_zero()
    {
        // Given a pair and a private X server
        var options = new ViewerOptions { Display = display.Name, Width = 160, Height = 120, Frames = 60, TitlePrefix = "FrameLimit" };

        // When the viewer runs for 60 frames, Then it closes by itself with exit code 0
        Assert.Equal(0, WindowViewer.Run([RedToBlue], options));
    }

    [Fact]
    public async Task The_window_manager_close_request_ends_the_viewer()
    {
        XScreen.RequireTools();
        var screen = new XScreen(display.Name);
        // Given the viewer showing a pair
        var options = new ViewerOptions { Display = display.Name, Width = 160, Height = 120, Mode = ViewMode.Single, TitlePrefix = "CloseTest" };
        var run = Task.Factory.StartNew(() => WindowViewer.Run([RedToBlue], options), TaskCreationOptions.LongRunning);
        screen.WaitFor("the converted image", (80, 60, Blue));

        // When the window manager sends WM_DELETE_WINDOW, as a title-bar close button does
        WindowManagerRequests.RequestClose(display.Name, long.Parse(screen.XDoTool("search", "--name", "CloseTest")));

        // Then Run returns 0
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Destroying_the_window_from_outside_ends_the_viewer_without_killing_the_process()
    {
        XScreen.RequireTools();
        var screen = new XScreen(display.Name);
        // Given the viewer showing a pair
        var options = new ViewerOptions { Display = display.Name, Width = 160, Height = 120, Mode = ViewMode.Single, TitlePrefix = "DestroyTest" };
        var run = Task.Factory.StartNew(() => WindowViewer.Run([RedToBlue], options), TaskCreationOptions.LongRunning);
        screen.WaitFor("the converted image", (80, 60, Blue));

        // When another client destroys the window (Xlib's default error handler would exit the process
        // on the errors that teardown then causes)
        screen.XDoTool("windowclose", screen.XDoTool("search", "--name", "DestroyTest"));

        // Then Run returns 0 and this test process is still here to check it
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task The_bracket_keys_show_the_mip_levels_of_a_bc1_texture_uploaded_as_blocks()
    {
        XScreen.RequireTools();
        var screen = new XScreen(display.Name);
        // Given the viewer opened on level 1 of a BC1 texture whose levels are red, green and blue
        var texture = TestImages.Bc1RedGreenBlue("wall.dds", 64);
        var options = new ViewerOptions { Display = display.Name, Width = 160, Height = 120, Mode = ViewMode.Single, MipLevel = 1, TitlePrefix = "MipTest" };
        var run = Task.Factory.StartNew(() => WindowViewer.Run([new ViewerPair(texture, null)], options), TaskCreationOptions.LongRunning);
        try
        {
            // Then level 1 (green) fills the middle of the window
            screen.WaitFor("level 1", (80, 60, (0, 255, 0)));

            // When ] is pressed, Then level 2 (blue) is shown; when [ is pressed twice, level 0 (red)
            screen.XDoTool("mousemove", "80", "60", "key", "bracketright");
            screen.WaitFor("level 2", (80, 60, Blue));
            screen.XDoTool("key", "bracketleft", "bracketleft");
            screen.WaitFor("level 0", (80, 60, Red));
        }
        finally
        {
            if (!run.IsCompleted)
            {
                screen.XDoTool("key", "Escape");
            }
            await run.WaitAsync(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(0, await run);
    }

    [Fact]
    public void A_display_that_cannot_be_opened_raises_DisplayUnavailableException()
    {
        // Given a display number nobody serves
        var options = new ViewerOptions { Display = ":9876", Frames = 1 };

        // When the viewer starts, Then the error says which display failed, so the host can fall back to headless
        var e = Assert.Throws<DisplayUnavailableException>(() => WindowViewer.Run([RedToBlue], options));
        Assert.Contains(":9876", e.Message);
    }

    [Fact]
    public async Task Keys_and_mouse_change_what_the_window_shows()
    {
        XScreen.RequireTools();
        var screen = new XScreen(display.Name);
        // Given the viewer open side by side in a 320x240 window at the top-left of the screen
        var options = new ViewerOptions { Display = display.Name, Width = 320, Height = 240, Mode = ViewMode.Side, TitlePrefix = "KeysTest" };
        var run = Task.Factory.StartNew(() => WindowViewer.Run([RedToBlue], options), TaskCreationOptions.LongRunning);
        try
        {
            // Then each 160x240 half shows its texture fitted (2.5 px per texel, rows 40..199)
            screen.WaitFor("side by side", (80, 120, Red), (240, 120, Blue), (80, 20, Background));
            var window = screen.XDoTool("search", "--name", "KeysTest");
            Assert.Equal("KeysTest - maps/red.png (64x64) - side by side - 1/1 - 250%", screen.XDoTool("getwindowname", window));

            // When F3 selects split view, Then one fitted image (x 40..279) shows before left and after right of a divider
            screen.XDoTool("mousemove", "200", "120", "key", "F3");
            screen.WaitFor("split", (20, 120, Background), (100, 120, Red), (160, 120, Divider), (220, 120, Blue));

            // When the divider is dragged to x=250, Then more of the before image shows
            screen.XDoTool("mousemove", "160", "120", "mousedown", "1", "mousemove", "200", "120", "mousemove", "250", "120", "mouseup", "1");
            screen.WaitFor("the divider moved", (220, 120, Red), (250, 120, Divider), (270, 120, Blue));

            // When F4 selects flip view, Then before shows, and after only while Space is held
            screen.XDoTool("key", "F4");
            screen.WaitFor("flip: before", (160, 120, Red));
            screen.XDoTool("keydown", "space");
            screen.WaitFor("flip: after while Space is held", (160, 120, Blue));
            screen.XDoTool("keyup", "space");
            screen.WaitFor("flip: before again", (160, 120, Red));

            // When F5 tiles the result 3x3 and R isolates the red channel, Then blue turns black, and C restores it
            screen.XDoTool("key", "F5");
            screen.WaitFor("tile", (60, 120, Blue), (260, 120, Blue));
            screen.XDoTool("key", "r");
            screen.WaitFor("red channel of blue", (160, 120, Black));
            screen.XDoTool("key", "c");
            screen.WaitFor("all channels", (160, 120, Blue));

            // When the window shrinks to 160x120 and F refits, Then the swapchain follows and the tiling fits x 20..139
            screen.XDoTool("windowsize", window, "160", "120");
            screen.XDoTool("mousemove", "80", "60", "key", "f");
            screen.WaitFor("tile refitted to the smaller window", (10, 60, Background), (80, 60, Blue), (130, 60, Blue));

            // When the window is unmapped (minimised) and mapped again, Then it still reacts and draws
            screen.XDoTool("windowunmap", window);
            screen.XDoTool("windowmap", window);
            screen.XDoTool("mousemove", "80", "60", "key", "F2");
            screen.WaitFor("side by side after restoring", (40, 60, Red), (120, 60, Blue));
        }
        finally
        {
            // When Escape is pressed, Then the viewer closes with exit code 0
            if (!run.IsCompleted)
            {
                screen.XDoTool("key", "Escape");
            }
            await run.WaitAsync(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(0, await run);
    }
}
