using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.Formats.Webp;

namespace StyleForge.Engine.Textures;

/// <summary>The ImageSharp encoder, with explicit settings, that writes a <see cref="TextureLayout"/>.</summary>
public static class TextureEncoders
{
    public static IImageEncoder For(TextureLayout layout) => layout.Format switch
    {
        TextureFileFormat.Png => new PngEncoder
        {
            ColorType = layout.Channels switch
            {
                1 => PngColorType.Grayscale,
                2 => PngColorType.GrayscaleWithAlpha,
                3 => PngColorType.Rgb,
                _ => PngColorType.RgbWithAlpha,
            },
            BitDepth = layout.BitDepth == 16 ? PngBitDepth.Bit16 : PngBitDepth.Bit8,
            // Keep colour under transparent pixels as computed; engines filter across it when mipmapping.
            TransparentColorMode = PngTransparentColorMode.Preserve,
        },
        TextureFileFormat.Jpeg => new JpegEncoder
        {
            Quality = Math.Clamp(layout.Quality, 1, 100),
            ColorType = layout.Channels == 1 ? JpegColorType.Luminance : JpegColorType.YCbCrRatio420,
        },
        TextureFileFormat.Tga => new TgaEncoder
        {
            BitsPerPixel = (TgaBitsPerPixel)layout.TgaBitsPerPixel,
            Compression = TgaCompression.None,
        },
        TextureFileFormat.Bmp => new BmpEncoder
        {
            BitsPerPixel = layout.Channels == 4 ? BmpBitsPerPixel.Pixel32 : BmpBitsPerPixel.Pixel24,
            SupportTransparency = layout.Channels == 4,
        },
        TextureFileFormat.Tiff => new TiffEncoder
        {
            BitsPerPixel = layout.Channels == 1 ? TiffBitsPerPixel.Bit8 : TiffBitsPerPixel.Bit24,
            PhotometricInterpretation = layout.Channels == 1 ? TiffPhotometricInterpretation.BlackIsZero : TiffPhotometricInterpretation.Rgb,
        },
        _ => new WebpEncoder
        {
            FileFormat = layout.Lossless ? WebpFileFormatType.Lossless : WebpFileFormatType.Lossy,
            Quality = Math.Clamp(layout.Quality, 1, 100),
            TransparentColorMode = WebpTransparentColorMode.Preserve,
        },
    };
}
