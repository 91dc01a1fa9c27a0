using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.PixelFormats;

namespace StyleForge.Conversion.Tests;

/// <summary>Small generated textures: smooth gradients with a transparent stripe, written with explicit encoders.</summary>
internal static class TestImages
{
    /// <summary>An RGBA64 image whose columns 0-2 are fully transparent and whose alpha otherwise varies.</summary>
    public static Image<Rgba64> Gradient(int width, int height)
    {
        var image = new Image<Rgba64>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var alpha = x < 3 ? (ushort)0 : (ushort)(20000 + 45535 * y / Math.Max(1, height - 1));
                image[x, y] = new Rgba64((ushort)(65535 * x / Math.Max(1, width - 1)), (ushort)(65535 * y / Math.Max(1, height - 1)),
                    (ushort)(13107 + 997 * (x + y)), alpha);
            }
        }
        return image;
    }

    public static string Write(string path, IImageEncoder encoder, int width = 19, int height = 13)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = Gradient(width, height);
        image.Save(path, encoder);
        return path;
    }
}
