namespace StyleForge.Viewer.Tests;

/// <summary>
/// A CPU-built expected image, written pixel by pixel from the rules in docs/viewer.md,
/// and a comparison that reports the first differing pixels.
/// </summary>
internal sealed class ExpectedSheet
{
    /// <summary>BACKGROUND in view.frag: 0.12 in UNORM.</summary>
    public static readonly (byte R, byte G, byte B) Background = (31, 31, 31);

    private readonly byte[] _rgb;

    public ExpectedSheet(int width, int height)
    {
        Width = width;
        Height = height;
        _rgb = new byte[width * height * 3];
        for (var i = 0; i < width * height; i++)
        {
            Set(i % width, i / width, Background);
        }
    }

    public int Width { get; }

    public int Height { get; }

    public void Set(int x, int y, (byte R, byte G, byte B) color)
    {
        var i = (y * Width + x) * 3;
        _rgb[i] = color.R;
        _rgb[i + 1] = color.G;
        _rgb[i + 2] = color.B;
    }

    /// <summary>Fails listing up to ten pixels whose channels differ by more than <paramref name="tolerance"/>.</summary>
    public void AssertMatches(RenderedSheet sheet, int tolerance)
    {
        Assert.Equal((Width, Height), (sheet.Width, sheet.Height));
        var failures = new List<string>();
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var e = (y * Width + x) * 3;
                var a = (y * Width + x) * 4;
                var differs = false;
                for (var c = 0; c < 3; c++)
                {
                    differs |= Math.Abs(_rgb[e + c] - sheet.Rgba[a + c]) > tolerance;
                }
                if (differs || sheet.Rgba[a + 3] != 255)
                {
                    failures.Add($"({x},{y}) expected {_rgb[e]},{_rgb[e + 1]},{_rgb[e + 2]},255 " +
                        $"got {sheet.Rgba[a]},{sheet.Rgba[a + 1]},{sheet.Rgba[a + 2]},{sheet.Rgba[a + 3]}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} pixels differ, first: {string.Join("; ", failures.Take(10))}");
    }
}
