using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using StyleForge.Engine.Textures.Dds;

namespace StyleForge.Engine.Textures;

/// <summary>
/// How a texture file stores its pixels: format, channel layout and bits per channel, plus the
/// encoder settings needed to write a converted texture the same way.
/// </summary>
/// <param name="Format">The file format.</param>
/// <param name="Channels">1 gray, 2 gray+alpha, 3 RGB, 4 RGBA.</param>
/// <param name="BitDepth">Bits per channel written: 8 or 16.</param>
/// <param name="Description">What the source was, for people, for example "PNG palette 8-bit".</param>
public sealed record TextureLayout(TextureFileFormat Format, int Channels, int BitDepth, string Description)
{
    /// <summary>JPEG or lossy WebP quality of the source (estimated by the decoder), reused when writing.</summary>
    public int Quality { get; init; } = 90;

    /// <summary>TGA: bits per pixel of the source (8, 16, 24 or 32).</summary>
    public int TgaBitsPerPixel { get; init; }

    /// <summary>WebP: whether the source was lossless.</summary>
    public bool Lossless { get; init; }

    /// <summary>DDS: the pixel format, header kind and mip count to write back, or null for other formats.</summary>
    public DdsLayout? Dds { get; init; }

    /// <summary>
    /// What kind of file this is that cannot be written back faithfully ("TIFF with premultiplied alpha: ..."),
    /// or null when it can. From the source, such a file is listed as not converted, like a format StyleForge does not
    /// read; from an asked-for output format, the file fails.
    /// </summary>
    public string? WriteProblem { get; init; }

    /// <summary>Reads the layout from a decoded image. <paramref name="anyTranslucent"/> says whether any pixel has alpha below opaque.</summary>
    public static TextureLayout Of(Image image, TextureFileFormat format, bool anyTranslucent) => format switch
    {
        TextureFileFormat.Png => OfPng(image.Metadata.GetPngMetadata(), anyTranslucent),
        TextureFileFormat.Jpeg => OfJpeg(image.Metadata.GetJpegMetadata()),
        TextureFileFormat.Tga => OfTga(image.Metadata.GetTgaMetadata()),
        TextureFileFormat.Bmp => OfBmp(image.Metadata.GetBmpMetadata(), anyTranslucent),
        TextureFileFormat.Tiff => OfTiff(image.Frames.RootFrame.Metadata, anyTranslucent),
        _ => OfWebp(image.Metadata.GetWebpMetadata(), anyTranslucent),
    };

    private static TextureLayout OfPng(PngMetadata png, bool anyTranslucent)
    {
        var bits = png.BitDepth == PngBitDepth.Bit16 ? 16 : 8;
        // Sub-byte gray (1, 2, 4 bit) is written as 8-bit: stylized values need more than 16 levels.
        return png.ColorType switch
        {
            PngColorType.Grayscale => new(TextureFileFormat.Png, 1, bits, $"PNG gray {Bits(png.BitDepth)}-bit"),
            PngColorType.GrayscaleWithAlpha => new(TextureFileFormat.Png, 2, bits, $"PNG gray+alpha {bits}-bit"),
            PngColorType.RgbWithAlpha => new(TextureFileFormat.Png, 4, bits, $"PNG RGBA {bits}-bit"),
            // A palette cannot hold stylized colours without quantising them again: palette PNGs are written as 8-bit RGB, or RGBA when the palette has transparency.
            PngColorType.Palette => new(TextureFileFormat.Png, anyTranslucent ? 4 : 3, 8, "PNG palette"),
            _ => png.HasTransparency && anyTranslucent
                ? new(TextureFileFormat.Png, 4, bits, $"PNG RGB {bits}-bit with transparent colour")
                : new(TextureFileFormat.Png, 3, bits, $"PNG RGB {bits}-bit"),
        };
    }

    private static int Bits(PngBitDepth? depth) => depth switch
    {
        PngBitDepth.Bit1 => 1,
        PngBitDepth.Bit2 => 2,
        PngBitDepth.Bit4 => 4,
        PngBitDepth.Bit16 => 16,
        _ => 8,
    };

    private static TextureLayout OfJpeg(JpegMetadata jpeg) =>
        jpeg.ColorType == JpegColorType.Luminance
            ? new(TextureFileFormat.Jpeg, 1, 8, "JPEG gray") { Quality = jpeg.Quality }
            : new(TextureFileFormat.Jpeg, 3, 8, "JPEG colour") { Quality = jpeg.Quality };

    private static TextureLayout OfTga(TgaMetadata tga)
    {
        var bits = (int)tga.BitsPerPixel;
        return bits switch
        {
            8 => new(TextureFileFormat.Tga, 1, 8, "TGA gray 8-bit") { TgaBitsPerPixel = 8 },
            _ when tga.AlphaChannelBits > 0 => new(TextureFileFormat.Tga, 4, 8, $"TGA {bits}-bit with alpha") { TgaBitsPerPixel = bits },
            _ => new(TextureFileFormat.Tga, 3, 8, $"TGA {bits}-bit") { TgaBitsPerPixel = bits },
        };
    }

    private static TextureLayout OfBmp(BmpMetadata bmp, bool anyTranslucent) =>
        bmp.BitsPerPixel == BmpBitsPerPixel.Pixel32 && anyTranslucent
            ? new(TextureFileFormat.Bmp, 4, 8, "BMP 32-bit with alpha")
            // Palette BMPs (1 to 8 bits) are written as 24-bit for the same reason as palette PNGs.
            : new(TextureFileFormat.Bmp, 3, 8, $"BMP {(int)bmp.BitsPerPixel}-bit");

    private static TextureLayout OfTiff(ImageFrameMetadata frame, bool anyTranslucent)
    {
        var tiff = frame.GetTiffMetadata();
        // The file's bits per pixel and per sample, not the decoded image's (which is always the in-memory pixel type).
        var bitsPerPixel = (int)(tiff.BitsPerPixel ?? TiffBitsPerPixel.Bit24);
        var samples = tiff.BitsPerSample?.Channels ?? 3;
        var bitsPerSample = tiff.BitsPerSample?.Channel0 ?? 8;
        var gray = tiff.PhotometricInterpretation is TiffPhotometricInterpretation.BlackIsZero or TiffPhotometricInterpretation.WhiteIsZero;
        var rgb = tiff.PhotometricInterpretation == TiffPhotometricInterpretation.Rgb;
        // Gray+alpha TIFFs do not get here: ImageSharp 2.1's decoder refuses two samples per pixel.
        var alpha = rgb && samples == 4;
        var channels = (gray ? 1 : 3) + (alpha ? 1 : 0);
        var description = $"TIFF {(gray ? "gray" : "RGB")}{(alpha ? "+alpha" : "")} {bitsPerSample} bits per sample";
        var layout = new TextureLayout(TextureFileFormat.Tiff, channels, bitsPerSample > 8 ? 16 : 8, description);
        if (bitsPerSample > 16)
        {
            return layout with { WriteProblem = $"TIFF with {bitsPerSample} bits per sample ({bitsPerPixel} bits per pixel): StyleForge writes 8 or 16 bits per sample and would lose precision; convert it to a 16-bit TIFF or PNG to stylize it" };
        }
        if (alpha)
        {
            // ImageSharp 2.1 reads premultiplied colour as it is stored (and refuses an unspecified extra sample); stylizing
            // premultiplied colour and writing it back would leave colour brighter than its alpha allows.
            return frame.ExifProfile?.GetValue(ExifTag.ExtraSamples)?.Value is [1, ..]
                ? layout with { WriteProblem = "TIFF with premultiplied (associated) alpha: ImageSharp 2.1 decodes it without dividing by alpha; save it with unassociated alpha to stylize it" }
                : layout;
        }
        // Other photometric kinds (palette, YCbCr) are written as 8-bit RGB; an alpha sample there is not something the decoder reports.
        return anyTranslucent && !gray && !rgb
            ? layout with { WriteProblem = $"TIFF ({tiff.PhotometricInterpretation}) with alpha: it cannot be written back with its alpha; convert it to PNG or TGA to stylize it" }
            : layout;
    }

    private static TextureLayout OfWebp(WebpMetadata webp, bool anyTranslucent)
    {
        var lossless = webp.FileFormat == WebpFileFormatType.Lossless;
        return new(TextureFileFormat.Webp, anyTranslucent ? 4 : 3, 8, $"WebP {(lossless ? "lossless" : "lossy")}{(anyTranslucent ? " with alpha" : "")}")
        {
            Lossless = lossless,
        };
    }
}
