using StyleForge.Plugins;

namespace StyleForge.Engine.Textures.Dds;

/// <summary>DDS files as <see cref="DecodedTexture"/>s: the top level in its own channels, and the layout that writes it back the same way.</summary>
public static class DdsTextures
{
    public static DecodedTexture Read(string path, byte[] content, long maxPixels)
    {
        var file = DdsFile.Parse(path, content);
        if ((long)file.Width * file.Height > maxPixels)
        {
            throw new InvalidDataException(
                $"{path}: claims {file.Width}x{file.Height} pixels, more than the limit of {maxPixels}; raise --max-pixels if the texture is genuine");
        }
        var rgba = file.DecodeTop(content);
        var anyTranslucent = false;
        for (var i = 3; i < rgba.Length && !anyTranslucent; i += 4)
        {
            anyTranslucent = rgba[i] < 255;
        }
        var channels = file.Format.Channels(anyTranslucent);
        var buffer = new TextureBuffer(file.Width, file.Height, channels);
        var pixels = buffer.Pixels;
        for (int p = 0, i = 0; p < rgba.Length; p += 4)
        {
            switch (channels)
            {
                case 1:
                    pixels[i++] = rgba[p] / 255f;
                    break;
                case 2:
                    pixels[i++] = rgba[p] / 255f;
                    pixels[i++] = rgba[p + 3] / 255f;
                    break;
                default:
                    for (var c = 0; c < channels; c++)
                    {
                        pixels[i++] = rgba[p + c] / 255f;
                    }
                    break;
            }
        }
        var mips = file.MipCount > 1 ? $", {file.MipCount} mip levels" : ", no mips";
        var layout = new TextureLayout(TextureFileFormat.Dds, channels, 8, $"{file.Format.Name}{mips}")
        {
            Dds = new DdsLayout(file.Format, file.MipCount),
        };
        return new DecodedTexture(buffer, layout);
    }

    /// <summary>Writes <paramref name="pixels"/> (1 to 4 channels, values in [0, 1]) as the DDS <paramref name="layout"/> describes.</summary>
    public static void Write(TextureBuffer pixels, DdsLayout layout, Stream destination)
    {
        var rgba = new byte[pixels.Width * pixels.Height * 4];
        var data = pixels.Pixels;
        var channels = pixels.Channels;
        for (int p = 0, i = 0; p < rgba.Length; p += 4, i += channels)
        {
            var gray = channels <= 2;
            rgba[p] = ToByte(data[i]);
            rgba[p + 1] = ToByte(gray ? data[i] : data[i + 1]);
            rgba[p + 2] = ToByte(gray ? data[i] : data[i + 2]);
            rgba[p + 3] = channels is 2 or 4 ? ToByte(data[i + channels - 1]) : (byte)255;
        }
        DdsWriter.Write(destination, layout.Format, layout.MipCount, rgba, pixels.Width, pixels.Height, layout.Quality);
    }

    // NaN from a broken model becomes 0 rather than garbage, as in the other encoders.
    private static byte ToByte(float value) => float.IsFinite(value) ? (byte)MathF.Round(Math.Clamp(value, 0f, 1f) * 255f) : (byte)0;
}
