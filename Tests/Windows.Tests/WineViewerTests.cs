using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using StyleForge.Viewer.Tests;

namespace StyleForge.Windows.Tests;

/// <summary>
/// The viewer's Win32 window, in the win-x64 publish under Wine and Xvfb: Wine turns X input into window
/// messages and forwards Vulkan (winevulkan) to the host's lavapipe, so keys, wheel, drag and close reach
/// the same code paths as on Windows, and the screen shows what the window presented.
/// </summary>
[Collection(WindowsBuildCollection.Name)]
public sealed class WineViewerTests(WindowsBuild build) : IDisposable
{
    private static readonly (byte, byte, byte) Red = (255, 0, 0);
    private static readonly (byte, byte, byte) Blue = (0, 0, 255);

    private readonly XvfbDisplay _display = new();

    public void Dispose() => _display.Dispose();

    [SkippableFact]
    public void Keys_wheel_drag_and_a_close_request_drive_the_win32_window()
    {
        WindowsBuild.RequireWine();
        XScreen.RequireTools();
        using var folder = new TempFolder();
        Solid(folder.Combine("before", "maps", "wall.png"), 255, 0, 0);
        Solid(folder.Combine("after", "maps", "wall.png"), 0, 0, 255);
        var screen = new XScreen(_display.Name);
        _ = build.Folder; // the publish and the Wine prefix, before asking the prefix's server anything
        Wine.WaitForServer(build);

        // Given the viewer open on a red "before" and a blue "after", in single view
        using var viewer = Wine.Start(build,
            ["view", Wine.PathOf(folder.Combine("before")), Wine.PathOf(folder.Combine("after")), "--mode", "single"], _display.Name);
        try
        {
            var window = FindWindow(viewer, "StyleForge - maps.wall\\.png");
            var (x, y, width, height) = Geometry(screen, window);
            var middle = y + height / 2;
            screen.WaitFor("the converted image, fitted", (x + width / 2, middle, Blue));

            // When F2 is pressed, Then before and after stand side by side
            screen.XDoTool("windowfocus", "--sync", window);
            screen.XDoTool("key", "F2");
            screen.WaitFor("side by side", (x + width / 4, middle, Red), (x + 3 * width / 4, middle, Blue));

            // When F1 brings back single view and the wheel zooms out three steps around the middle
            screen.XDoTool("key", "F1");
            var edge = x + width / 2 - height / 2 + 12; // just inside the fitted square image
            screen.WaitFor("single view again", (edge, middle, Blue));
            screen.XDoTool("mousemove", "--sync", (x + width / 2).ToString(), middle.ToString());
            screen.XDoTool("click", "--repeat", "3", "5");

            // Then the image shrinks away from that point
            WaitForNot(screen, "the image zoomed out", edge, middle, Blue);

            // When the image is dragged left with the left button, Then it covers that point again
            screen.XDoTool("mousedown", "1");
            screen.XDoTool("mousemove", "--sync", (x + width / 2 - 150).ToString(), middle.ToString());
            screen.XDoTool("mouseup", "1");
            screen.WaitFor("the image dragged left", (edge, middle, Blue));

            // When the window manager asks the window to close (Wine turns it into WM_CLOSE)
            WindowManagerRequests.RequestClose(_display.Name, long.Parse(window));

            // Then the viewer ends by itself with exit code 0
            Assert.True(viewer.WaitForExit(TimeSpan.FromMinutes(1)), "the viewer did not end after the close request");
            var error = viewer.StandardError.ReadToEnd();
            Assert.True(viewer.ExitCode == 0, error);
            Assert.DoesNotContain("Unhandled", error + viewer.StandardOutput.ReadToEnd());
        }
        finally
        {
            if (!viewer.HasExited)
            {
                viewer.Kill(entireProcessTree: true);
            }
            // Before this test's Xvfb goes: the next Wine program must not find a desktop on it.
            Wine.WaitForServer(build);
        }
    }

    private string FindWindow(Process viewer, string titlePattern)
    {
        // Wine, .NET and lavapipe start on two shared cores, and the first X11 use of a new Wine prefix took over a
        // minute here: allow a generous while.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(4))
        {
            if (viewer.HasExited)
            {
                Assert.Fail($"The viewer ended ({viewer.ExitCode}) before its window appeared: {viewer.StandardError.ReadToEnd()}{viewer.StandardOutput.ReadToEnd()}");
            }
            var (exit, output) = ExternalTool.Run("xdotool", ["search", "--name", $"^{titlePattern}"], new Dictionary<string, string> { ["DISPLAY"] = _display.Name });
            var id = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.All(char.IsDigit));
            if (exit == 0 && id is not null)
            {
                return id;
            }
            Thread.Sleep(200);
        }
        Assert.Fail($"No window whose title matches ^{titlePattern} appeared within 4 minutes.");
        return string.Empty;
    }

    /// <summary>The window's client area on the screen: Wine maps the client area as the X window it names.</summary>
    private static (int X, int Y, int Width, int Height) Geometry(XScreen screen, string window)
    {
        var values = screen.XDoTool("getwindowgeometry", "--shell", window)
            .Split('\n', StringSplitOptions.TrimEntries)
            .Select(l => l.Split('='))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => int.Parse(p[1]));
        return (values["X"], values["Y"], values["WIDTH"], values["HEIGHT"]);
    }

    private static void WaitForNot(XScreen screen, string what, int x, int y, (byte R, byte G, byte B) color)
    {
        (byte R, byte G, byte B) seen = default;
        for (var attempt = 0; attempt < 400; attempt++)
        {
            using var shot = screen.Capture();
            seen = screen.Pixel(shot, x, y);
            if (seen != color)
            {
                return;
            }
            Thread.Sleep(25);
        }
        Assert.Fail($"The screen never showed {what}: ({x},{y}) still {seen}");
    }

    private static void Solid(string path, byte r, byte g, byte b)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new Image<Rgba32>(64, 64, new Rgba32(r, g, b, 255));
        image.SaveAsPng(path);
    }
}
