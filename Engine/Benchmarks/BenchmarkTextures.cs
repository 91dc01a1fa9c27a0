using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace StyleForge.Engine.Benchmarks;

/// <summary>Deterministic texture-like RGBA images for benchmarks: bricks with mortar, shading and noise, and a transparent corner.</summary>
public static class BenchmarkTextures
{
    public static void WritePng(string path, int size, int seed)
    {
        var random = new Random(seed);
        var noise = new byte[size * 4];
        using var image = new Image<Rgba32>(size, size);
        var brickHeight = Math.Max(4, size / 16);
        var brickWidth = brickHeight * 2;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                random.NextBytes(noise);
                var row = rows.GetRowSpan(y);
                var course = y / brickHeight;
                for (var x = 0; x < row.Length; x++)
                {
                    var shifted = x + (course % 2) * brickWidth / 2;
                    var mortar = y % brickHeight < 2 || shifted % brickWidth < 2;
                    var shade = (shifted / brickWidth * 37 + course * 53) % 40;
                    var n = noise[x] % 24;
                    var colour = mortar ? new Rgb24((byte)(150 + n), (byte)(145 + n), (byte)(135 + n))
                        : new Rgb24((byte)(140 + shade + n), (byte)(60 + shade / 2 + n), (byte)(40 + n));
                    // A transparent top-left corner exercises the alpha path the way foliage and decals do.
                    var alpha = x < size / 8 && y < size / 8 ? (byte)0 : (byte)255;
                    row[x] = new Rgba32(colour.R, colour.G, colour.B, alpha);
                }
            }
        });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        image.SaveAsPng(path, new PngEncoder { ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit8 });
    }
}
