using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using StyleForge.Engine.Textures.Dds;
using StyleForge.Plugins;

namespace StyleForge.Engine.Textures;

/// <summary>
/// Decodes texture files into <see cref="TextureBuffer"/>s with ImageSharp 2.1 and encodes them back
/// in the same layout. Sizes are checked from the header before any pixel is decoded.
/// </summary>
public static class TextureCodec
{
    /// <summary>
    /// Default pixel limit: an 8192 x 8192 texture, so a default job stays under 5 GiB of memory (measured: peak RSS
    /// is about 725 MiB + 60 bytes per pixel of the largest texture with the default CycleGAN model, docs/convert.md).
    /// Larger claims are refused before decoding; --max-pixels raises the limit for jobs given more memory.
    /// </summary>
    public const long DefaultMaxPixels = 8192L * 8192L;

    /// <summary>
    /// ImageSharp with a small buffer pool. Its default pool keeps freed pixel buffers for reuse, up to a share of the
    /// machine's memory; converting one 4096x4096 texture at a time gains nothing from that and pays for it in RSS.
    /// </summary>
    private static readonly Configuration Codec = CreateConfiguration();

    private static Configuration CreateConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = 16 });
        return configuration;
    }

    /// <summary>Decodes RGB or RGBA (gray is expanded); throws <see cref="InvalidDataException"/> naming the file and the reason.</summary>
    public static TextureBuffer Decode(string path, long maxPixels = DefaultMaxPixels)
    {
        var decoded = Read(path, File.ReadAllBytes(path), maxPixels);
        return decoded.Layout.Channels switch
        {
            1 => ChannelLayouts.ToRgb(decoded.Pixels),
            2 => ChannelLayouts.Compose(ChannelLayouts.ToRgb(decoded.Pixels), ChannelLayouts.AlphaOf(decoded.Pixels), 4),
            _ => decoded.Pixels,
        };
    }

    /// <summary>
    /// Decodes file content in its own layout. Throws <see cref="InvalidDataException"/> whose message
    /// starts with <paramref name="path"/> and gives the decoder's reason.
    /// </summary>
    public static DecodedTexture Read(string path, byte[] content, long maxPixels)
    {
        if (content.Length == 0)
        {
            throw new InvalidDataException($"{path}: the file is empty (0 bytes)");
        }
        if (DdsFile.IsDds(content))
        {
            return DdsTextures.Read(path, content, maxPixels);
        }
        try
        {
            var info = Image.Identify(Codec, content, out var format);
            if (info is null || format is null)
            {
                throw new InvalidDataException($"{path}: not a recognised image format (PNG, JPEG, TGA, BMP, TIFF, WebP or DDS expected)");
            }
            var fileFormat = TextureFormats.FromImageFormat(format)
                ?? throw new InvalidDataException($"{path}: {format.Name} is not a texture format StyleForge converts");
            // Checked before decoding: a 100-byte file may claim 100000 x 100000 pixels and ask for gigabytes.
            if ((long)info.Width * info.Height > maxPixels)
            {
                throw new InvalidDataException(
                    $"{path}: claims {info.Width}x{info.Height} pixels, more than the limit of {maxPixels}; raise --max-pixels if the texture is genuine");
            }
            // Also before decoding: the decoder would fill missing data silently and take memory for pixels the file cannot hold.
            TextureCompleteness.Check(path, content, fileFormat, info.Width, info.Height);
            // TIFF always decodes wide: a 16-bit gray TIFF identifies as 16 bits per pixel, which the test above reads as 8-bit.
            var wide = info.PixelType.BitsPerPixel > 32 || fileFormat == TextureFileFormat.Tiff
                || (fileFormat == TextureFileFormat.Png && info.Metadata.GetPngMetadata().BitDepth == PngBitDepth.Bit16);
            return wide ? ReadPixels<Rgba64>(content, fileFormat) : ReadPixels<Rgba32>(content, fileFormat);
        }
        catch (InvalidDataException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Crafted or damaged files make decoders throw all kinds of exceptions; any of them means "this file", not "this run".
            throw new InvalidDataException($"{path}: cannot decode: {ex.Message} ({ex.GetType().Name})", ex);
        }
    }

    private static DecodedTexture ReadPixels<TPixel>(byte[] content, TextureFileFormat format)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var image = Image.Load<TPixel>(Codec, content);
        var anyTranslucent = false;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && !anyTranslucent; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    if (pixel.ToVector4().W < 1f)
                    {
                        anyTranslucent = true;
                        break;
                    }
                }
            }
        });
        var layout = TextureLayout.Of(image, format, anyTranslucent);
        if (image.Frames.Count > 1)
        {
            // Only the first frame is converted and written; the other pages (TIFF) or frames (WebP) would be lost without a word.
            layout = layout with { WriteProblem = $"{image.Frames.Count} pages or frames; StyleForge converts single images and would drop all but the first" };
        }
        var channels = layout.Channels;
        var buffer = new TextureBuffer(image.Width, image.Height, channels) { BitDepth = layout.BitDepth };
        var data = buffer.Pixels;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var i = y * rows.Width * channels;
                foreach (var pixel in row)
                {
                    var v = pixel.ToVector4();
                    switch (channels)
                    {
                        case 1:
                            data[i++] = v.X;
                            break;
                        case 2:
                            data[i++] = v.X;
                            data[i++] = v.W;
                            break;
                        case 3:
                            data[i++] = v.X;
                            data[i++] = v.Y;
                            data[i++] = v.Z;
                            break;
                        default:
                            data[i++] = v.X;
                            data[i++] = v.Y;
                            data[i++] = v.Z;
                            data[i++] = v.W;
                            break;
                    }
                }
            }
        });
        return new DecodedTexture(buffer, layout);
    }

    /// <summary>Encodes <paramref name="pixels"/> (in the layout's channels) the way <paramref name="layout"/> describes.</summary>
    public static void Write(TextureBuffer pixels, TextureLayout layout, Stream destination)
    {
        if (layout.WriteProblem is not null)
        {
            throw new NotSupportedException(layout.WriteProblem);
        }
        if (pixels.Channels != layout.Channels)
        {
            throw new ArgumentException($"The buffer has {pixels.Channels} channels but the {layout.Description} layout needs {layout.Channels}.", nameof(pixels));
        }
        if (layout.Dds is { } dds)
        {
            DdsTextures.Write(pixels, dds, destination);
            return;
        }
        if (layout.Format == TextureFileFormat.Tiff && TiffSampleWriter.Handles(layout))
        {
            TiffSampleWriter.Write(pixels, layout, destination);
            return;
        }
        var encoder = TextureEncoders.For(layout);
        if (layout.BitDepth == 16)
        {
            using var image = ToImage<Rgba64>(pixels);
            image.Save(destination, encoder);
        }
        else
        {
            using var image = ToImage<Rgba32>(pixels);
            image.Save(destination, encoder);
        }
    }

    private static Image<TPixel> ToImage<TPixel>(TextureBuffer buffer)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var image = new Image<TPixel>(Codec, buffer.Width, buffer.Height);
        var data = buffer.Pixels;
        var channels = buffer.Channels;
        image.ProcessPixelRows(rows =>
        {
            var pixel = default(TPixel);
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var i = y * rows.Width * channels;
                for (var x = 0; x < row.Length; x++, i += channels)
                {
                    var v = channels switch
                    {
                        1 => new System.Numerics.Vector4(data[i], data[i], data[i], 1f),
                        2 => new System.Numerics.Vector4(data[i], data[i], data[i], data[i + 1]),
                        3 => new System.Numerics.Vector4(data[i], data[i + 1], data[i + 2], 1f),
                        _ => new System.Numerics.Vector4(data[i], data[i + 1], data[i + 2], data[i + 3]),
                    };
                    // FromVector4 rounds and clamps to the pixel type; NaN from a broken model becomes 0 rather than garbage.
                    pixel.FromVector4(System.Numerics.Vector4.Clamp(
                        new System.Numerics.Vector4(Finite(v.X), Finite(v.Y), Finite(v.Z), Finite(v.W)),
                        System.Numerics.Vector4.Zero, System.Numerics.Vector4.One));
                    row[x] = pixel;
                }
            }
        });
        return image;
    }

    private static float Finite(float value) => float.IsFinite(value) ? value : 0f;

    /// <summary>Writes an 8-bit PNG of an RGB or RGBA buffer.</summary>
    public static void SavePng(TextureBuffer buffer, Stream destination)
    {
        using var image = ToImage<Rgba32>(buffer);
        image.SaveAsPng(destination, new PngEncoder
        {
            ColorType = buffer.HasAlpha ? PngColorType.RgbWithAlpha : PngColorType.Rgb,
            BitDepth = PngBitDepth.Bit8,
        });
    }
}
