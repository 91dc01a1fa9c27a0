using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace StyleForge.Viewer.Tests;

/// <summary>Screenshots and synthetic input on an X display, through ImageMagick's import and xdotool.</summary>
internal sealed class XScreen(string display)
{
    // Polling bound for waiting on the window: generous, since lavapipe shares two cores with other suites.
    private const int MaxAttempts = 400;

    private readonly Dictionary<string, string> _environment = new() { ["DISPLAY"] = display };

    public static void RequireTools()
    {
        Assert.True(ExternalTool.IsInstalled("import"), "The window tests need ImageMagick's import: apt-get install imagemagick.");
        Assert.True(ExternalTool.IsInstalled("xdotool"), "The window tests need xdotool: apt-get install xdotool.");
    }

    public (byte R, byte G, byte B) Pixel(Image<Rgb24> shot, int x, int y)
    {
        var p = shot[x, y];
        return (p.R, p.G, p.B);
    }

    public Image<Rgb24> Capture()
    {
        var file = Path.Combine(Path.GetTempPath(), $"styleforge-screen-{Guid.NewGuid():N}.png");
        try
        {
            var (exitCode, log) = ExternalTool.Run("import", ["-window", "root", file], _environment);
            Assert.True(exitCode == 0, $"import failed: {log}");
            return Image.Load<Rgb24>(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Sends xdotool commands, for example ["key", "F3"] or ["mousemove", "10", "20"].</summary>
    public string XDoTool(params string[] arguments)
    {
        var (exitCode, output) = ExternalTool.Run("xdotool", arguments, _environment);
        Assert.True(exitCode == 0, $"xdotool {string.Join(' ', arguments)} failed: {output}");
        return output.Trim();
    }

    /// <summary>Screenshots until every probe shows its colour (within a tolerance), or fails describing the last screen.</summary>
    public void WaitFor(string what, params (int X, int Y, (byte R, byte G, byte B) Color)[] probes)
    {
        var last = string.Empty;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            using var shot = Capture();
            var seen = probes.Select(p => Pixel(shot, p.X, p.Y)).ToArray();
            if (probes.Zip(seen).All(z => Close(z.First.Color, z.Second)))
            {
                return;
            }
            last = string.Join("; ", probes.Zip(seen).Select(z => $"({z.First.X},{z.First.Y}) want {z.First.Color} saw {z.Second}"));
            Thread.Sleep(25);
        }
        Assert.Fail($"The screen never showed {what}: {last}");
    }

    private static bool Close((byte R, byte G, byte B) a, (byte R, byte G, byte B) b) =>
        Math.Abs(a.R - b.R) <= 3 && Math.Abs(a.G - b.G) <= 3 && Math.Abs(a.B - b.B) <= 3;
}
