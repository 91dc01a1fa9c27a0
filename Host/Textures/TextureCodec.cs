using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using StyleForge.Plugins;

namespace StyleForge.Host.Textures;

/// <summary>Decodes texture files into <see cref="TextureBuffer"/>s with ImageSharp, guarding against oversized images.</summary>
internal static class TextureCodec
{
    /// <summary>Default pixel limit: a 16384 x 16384 texture. Larger claims are refused before decoding.</summary>
    public const long DefaultMaxPixels = 16384L * 16384L;

    /// <summary>Decodes RGB or RGBA; throws <see cref="InvalidDataException"/> naming the file and the reason.</summary>
    public static TextureBuffer Decode(string path, long maxPixels = DefaultMaxPixels)
    {
        try
        {
            var info = Image.Identify(path)
                ?? throw new InvalidDataException($"{path}: not a recognised image format");
            if ((long)info.Width * info.Height > maxPixels)
            {
                throw new InvalidDataException($"{path}: {info.Width}x{info.Height} exceeds the pixel limit of {maxPixels} pixels");
            }
            using var image = Image.Load<Rgba32>(path);
            var hasAlpha = false;
            var pixels = new Rgba32[image.Width * image.Height];
            image.CopyPixelDataTo(pixels);
            foreach (var p in pixels)
            {
                if (p.A != 255)
                {
                    hasAlpha = true;
                    break;
                }
            }
            var channels = hasAlpha ? 4 : 3;
            var buffer = new TextureBuffer(image.Width, image.Height, channels);
            var data = buffer.Pixels;
            for (var i = 0; i < pixels.Length; i++)
            {
                data[i * channels] = pixels[i].R / 255f;
                data[i * channels + 1] = pixels[i].G / 255f;
                data[i * channels + 2] = pixels[i].B / 255f;
                if (hasAlpha)
                {
                    data[i * channels + 3] = pixels[i].A / 255f;
                }
            }
            return buffer;
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or ImageFormatException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes an 8-bit PNG of an RGB or RGBA buffer.</summary>
    public static void SavePng(TextureBuffer buffer, Stream destination)
    {
        using var image = new Image<Rgba32>(buffer.Width, buffer.Height);
        var data = buffer.Pixels;
        var c = buffer.Channels;
        for (var y = 0; y < buffer.Height; y++)
        {
            for (var x = 0; x < buffer.Width; x++)
            {
                var i = (y * buffer.Width + x) * c;
                byte At(int k) => (byte)Math.Clamp(MathF.Round(data[i + k] * 255f), 0, 255);
                image[x, y] = c switch
                {
                    1 => new Rgba32(At(0), At(0), At(0), 255),
                    2 => new Rgba32(At(0), At(0), At(0), At(1)),
                    3 => new Rgba32(At(0), At(1), At(2), 255),
                    _ => new Rgba32(At(0), At(1), At(2), At(3)),
                };
            }
        }
        image.SaveAsPng(destination);
    }
}
