using System.Buffers.Binary;
using System.IO.Hashing;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.Formats.Webp;
using StyleForge.Engine.Textures;
using Xunit;

namespace StyleForge.Conversion.Tests;

public sealed class TextureCodecTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, int, int, bool> Layouts => new()
    {
        // name, extension, channels, bit depth, lossless
        { "png-gray8", ".png", 1, 8, true },
        { "png-gray16", ".png", 1, 16, true },
        { "png-grayalpha8", ".png", 2, 8, true },
        { "png-grayalpha16", ".png", 2, 16, true },
        { "png-rgb8", ".png", 3, 8, true },
        { "png-rgb16", ".png", 3, 16, true },
        { "png-rgba8", ".png", 4, 8, true },
        { "png-rgba16", ".png", 4, 16, true },
        { "png-palette", ".png", 4, 8, true },
        { "jpeg-colour", ".jpg", 3, 8, false },
        { "jpeg-gray", ".jpg", 1, 8, false },
        { "tga-gray8", ".tga", 1, 8, true },
        { "tga-rgb24", ".tga", 3, 8, true },
        { "tga-rgba32", ".tga", 4, 8, true },
        { "bmp-rgb24", ".bmp", 3, 8, true },
        { "bmp-rgba32", ".bmp", 4, 8, true },
        { "tiff-rgb24", ".tif", 3, 8, true },
        { "tiff-gray8", ".tif", 1, 8, true },
        { "webp-lossless", ".webp", 4, 8, true },
        { "webp-lossy", ".webp", 4, 8, false },
    };

    internal static IImageEncoder EncoderFor(string name) => name switch
    {
        "png-gray8" => new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 },
        "png-gray16" => new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit16 },
        "png-grayalpha8" => new PngEncoder { ColorType = PngColorType.GrayscaleWithAlpha, BitDepth = PngBitDepth.Bit8 },
        "png-grayalpha16" => new PngEncoder { ColorType = PngColorType.GrayscaleWithAlpha, BitDepth = PngBitDepth.Bit16 },
        "png-rgb8" => new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit8 },
        "png-rgb16" => new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit16 },
        "png-rgba8" => new PngEncoder { ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit8 },
        "png-rgba16" => new PngEncoder { ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit16 },
        "png-palette" => new PngEncoder { ColorType = PngColorType.Palette, BitDepth = PngBitDepth.Bit8 },
        "jpeg-colour" => new JpegEncoder { Quality = 92 },
        "jpeg-gray" => new JpegEncoder { Quality = 92, ColorType = JpegColorType.Luminance },
        "tga-gray8" => new TgaEncoder { BitsPerPixel = TgaBitsPerPixel.Pixel8 },
        "tga-rgb24" => new TgaEncoder { BitsPerPixel = TgaBitsPerPixel.Pixel24 },
        "tga-rgba32" => new TgaEncoder { BitsPerPixel = TgaBitsPerPixel.Pixel32 },
        "bmp-rgb24" => new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel24 },
        "bmp-rgba32" => new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel32, SupportTransparency = true },
        "tiff-rgb24" => new TiffEncoder { BitsPerPixel = TiffBitsPerPixel.Bit24 },
        "tiff-gray8" => new TiffEncoder { BitsPerPixel = TiffBitsPerPixel.Bit8, PhotometricInterpretation = TiffPhotometricInterpretation.BlackIsZero },
        "webp-lossless" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossless },
        "webp-lossy" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = 95 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Given_each_format_and_layout_When_read_and_written_back_Then_size_channels_depth_and_alpha_survive(
        string name, string extension, int channels, int bitDepth, bool lossless)
    {
        var path = TestImages.Write(_temp.Combine(name + extension), EncoderFor(name));

        var first = TextureCodec.Read(path, File.ReadAllBytes(path), TextureCodec.DefaultMaxPixels);
        using var written = new MemoryStream();
        TextureCodec.Write(first.Pixels, first.Layout, written);
        var second = TextureCodec.Read("again" + extension, written.ToArray(), TextureCodec.DefaultMaxPixels);

        Assert.Equal((channels, bitDepth), (first.Layout.Channels, first.Layout.BitDepth));
        Assert.Equal((19, 13), (second.Pixels.Width, second.Pixels.Height));
        Assert.Equal((first.Layout.Format, channels, bitDepth), (second.Layout.Format, second.Layout.Channels, second.Layout.BitDepth));
        var step = 1f / ((1 << bitDepth) - 1);
        var alphaError = 0f;
        var colourError = 0f;
        for (var i = 0; i < first.Pixels.Pixels.Length; i++)
        {
            var error = Math.Abs(first.Pixels.Pixels[i] - second.Pixels.Pixels[i]);
            if (first.Pixels.HasAlpha && i % channels == channels - 1)
            {
                alphaError = Math.Max(alphaError, error);
            }
            else
            {
                colourError = lossless ? Math.Max(colourError, error) : colourError + error / first.Pixels.Pixels.Length;
            }
        }
        // Lossless formats come back within rounding; lossy ones within a small mean error. Alpha is
        // bit-exact everywhere except lossy WebP, which compresses alpha too.
        Assert.True(colourError <= (lossless ? step / 2 : 0.03f), $"{name}: colour error {colourError}");
        Assert.True(alphaError <= (name == "webp-lossy" ? 0.05f : step / 2), $"{name}: alpha error {alphaError}");
    }

    [Fact]
    public void Given_a_16_bit_png_When_read_Then_values_keep_16_bit_precision()
    {
        var path = TestImages.Write(_temp.Combine("deep.png"), EncoderFor("png-rgb16"), 300, 2);

        var texture = TextureCodec.Read(path, File.ReadAllBytes(path), TextureCodec.DefaultMaxPixels);

        var levels = texture.Pixels.Pixels.Where((_, i) => i % 3 == 0).Select(v => MathF.Round(v * 65535f)).Distinct().Count();
        Assert.True(levels > 256, $"expected more than 256 red levels in a 300-wide 16-bit ramp, got {levels}");
    }

    [Fact]
    public void Given_a_translucent_tiff_that_is_not_rgb_When_its_layout_is_read_Then_writing_is_refused_instead_of_dropping_alpha()
    {
        // Built directly, so it carries no TIFF photometric kind: only RGB alpha TIFFs are written with their alpha.
        using var image = TestImages.Gradient(8, 8);

        var layout = TextureLayout.Of(image, TextureFileFormat.Tiff, anyTranslucent: true);

        Assert.NotNull(layout.WriteProblem);
        Assert.Contains("alpha", layout.WriteProblem);
        Assert.Throws<NotSupportedException>(() => TextureCodec.Write(new StyleForge.Plugins.TextureBuffer(8, 8, layout.Channels), layout, Stream.Null));
    }

    [Fact]
    public void Given_an_empty_file_When_read_Then_it_fails_naming_the_path()
    {
        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/x/empty.png", Array.Empty<byte>(), TextureCodec.DefaultMaxPixels));
        Assert.StartsWith("/x/empty.png: ", error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Given_garbage_bytes_When_read_Then_it_fails_naming_the_path_and_reason()
    {
        var garbage = Enumerable.Range(0, 500).Select(i => (byte)(i * 37 % 251)).ToArray();
        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/x/garbage.png", garbage, TextureCodec.DefaultMaxPixels));
        Assert.StartsWith("/x/garbage.png: ", error.Message);
    }

    [Fact]
    public void Given_a_truncated_png_When_read_Then_it_fails_naming_the_path()
    {
        var path = TestImages.Write(_temp.Combine("whole.png"), EncoderFor("png-rgba8"), 64, 64);
        var bytes = File.ReadAllBytes(path);

        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/x/cut.png", bytes[..(bytes.Length / 2)], TextureCodec.DefaultMaxPixels));

        Assert.StartsWith("/x/cut.png: ", error.Message);
    }

    [Fact]
    public void Given_a_png_header_claiming_huge_dimensions_When_read_Then_it_is_refused_before_decoding()
    {
        var bomb = PngClaiming(100_000, 100_000);

        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/x/bomb.png", bomb, TextureCodec.DefaultMaxPixels));

        Assert.Contains("100000x100000", error.Message);
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public void Given_a_pixel_limit_When_a_texture_exceeds_it_Then_it_is_refused_and_one_within_it_is_read()
    {
        var path = TestImages.Write(_temp.Combine("small.png"), EncoderFor("png-rgb8"), 20, 10);
        var bytes = File.ReadAllBytes(path);

        Assert.Throws<InvalidDataException>(() => TextureCodec.Read(path, bytes, maxPixels: 199));
        Assert.Equal(20, TextureCodec.Read(path, bytes, maxPixels: 200).Pixels.Width);
    }

    /// <summary>A PNG signature and a valid IHDR chunk claiming the given size, followed by nothing.</summary>
    internal static byte[] PngClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        var chunk = new List<byte>();
        chunk.AddRange(new byte[] { 0, 0, 0, 13 });
        var typeAndData = "IHDR"u8.ToArray().Concat(ihdr).ToArray();
        chunk.AddRange(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        chunk.AddRange(crc);
        return new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(chunk).ToArray();
    }
}
