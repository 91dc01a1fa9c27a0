using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.IO.Hashing;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using StyleForge.Engine.Textures;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>
/// Real files written by ImageSharp, then cut: each must fail alone with its path and "truncated",
/// and never be recorded as up to date. ImageSharp 2.1 decodes most of them without an error.
/// </summary>
public sealed class TruncatedTextureTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();

    public TruncatedTextureTests(ColorTransferModelFixture model) => _model = model;

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, double> Cuts => new()
    {
        // layout, extension, share of the bytes kept
        { "png-rgba8", ".png", 0.5 },
        { "png-rgb16", ".png", 0.9 },
        { "jpeg-colour", ".jpg", 0.5 },
        { "jpeg-gray", ".jpg", 0.8 },
        { "tga-rgb24", ".tga", 0.7 },
        { "tga-rle", ".tga", 0.7 },
        { "bmp-rgb24", ".bmp", 0.95 },
        { "bmp-rgba32", ".bmp", 0.5 },
        { "webp-lossless", ".webp", 0.6 },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void Given_a_texture_cut_short_When_read_Then_it_fails_with_its_path_and_truncated_and_the_whole_file_reads(string layout, string extension, double kept)
    {
        var encoder = layout == "tga-rle" ? new TgaEncoder { BitsPerPixel = TgaBitsPerPixel.Pixel24, Compression = TgaCompression.RunLength } : TextureCodecTests.EncoderFor(layout);
        var path = TestImages.Write(_temp.Combine(layout + extension), encoder, 64, 48);
        var whole = File.ReadAllBytes(path);

        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/x/cut" + extension, whole[..(int)(whole.Length * kept)], TextureCodec.DefaultMaxPixels));

        Assert.StartsWith("/x/cut" + extension + ": truncated", error.Message);
        Assert.Equal(64, TextureCodec.Read(path, whole, TextureCodec.DefaultMaxPixels).Pixels.Width);
    }

    [Fact]
    public void Given_a_569_byte_class_png_claiming_16000_squared_with_10_rows_When_read_Then_it_is_refused_at_once_without_taking_the_memory()
    {
        var png = PngWithRows(16000, 16000, rows: 10);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        // A limit raised to 16384² (--max-pixels 268435456), so the header alone does not refuse it.
        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/x/bomb.png", png, 16384L * 16384L));

        Assert.Contains("truncated", error.Message);
        Assert.True(png.Length < 1000, $"the test file should be tiny, it is {png.Length} bytes");
        // Not a timing assertion on speed, a bound on work: 16000 x 16000 RGBA would need 1 GB of pixels.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocated < 64L << 20, "reading the header and checking the data must not allocate the image");
    }

    [Fact]
    public void Given_a_png_whose_data_ends_early_but_has_IEND_When_read_Then_the_inflated_rows_are_counted_and_it_fails()
    {
        var png = PngWithRows(64, 64, rows: 63);

        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/x/short.png", png, TextureCodec.DefaultMaxPixels));

        Assert.Contains("truncated: the image data ends after", error.Message);
        Assert.Equal(64, TextureCodec.Read("/x/full.png", PngWithRows(64, 64, rows: 64), TextureCodec.DefaultMaxPixels).Pixels.Height);
    }

    [Fact]
    public void Given_truncated_jpeg_and_png_in_a_tree_When_converted_twice_Then_each_fails_alone_both_times_and_the_manifest_never_lists_them()
    {
        var input = _temp.Combine("in");
        var output = _temp.Combine("out");
        TestImages.Write(Path.Combine(input, "good.png"), new PngEncoder());
        Cut(TestImages.Write(_temp.Combine("whole.jpg"), new JpegEncoder { Quality = 90 }, 64, 64), Path.Combine(input, "half.jpg"));
        Cut(TestImages.Write(_temp.Combine("whole.png"), new PngEncoder(), 64, 64), Path.Combine(input, "half.png"));

        var first = Convert(input, output);
        var second = Convert(input, output);

        foreach (var run in new[] { first, second })
        {
            Assert.Equal(1, run.Exit);
            var failed = run.Json.GetProperty("failed_files").EnumerateArray()
                .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("reason").GetString()!);
            Assert.Equal(new[] { "half.jpg", "half.png" }, failed.Keys.Order());
            Assert.All(failed, f => Assert.Contains($"{Path.Combine(input, f.Key)}: truncated", f.Value));
        }
        Assert.Equal(1, first.Json.GetProperty("converted").GetInt32());
        var manifest = File.ReadAllText(Path.Combine(output, ".styleforge-manifest.json"));
        Assert.Contains("good.png", manifest);
        Assert.DoesNotContain("half", manifest);
        Assert.False(File.Exists(Path.Combine(output, "half.jpg")));
    }

    private static void Cut(string whole, string to)
    {
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(to, bytes[..(bytes.Length / 2)]);
    }

    /// <summary>A transparent RGBA8 PNG with a valid header for width x height, whose one IDAT holds only the first rows, then IEND.</summary>
    private static byte[] PngWithRows(int width, int height, int rows)
    {
        // Transparent black rows with filter 0: the flattest data, so the file is as small as the 569 bytes.
        var raw = new byte[rows * (1 + width * 4)];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;
        return new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }
            .Concat(Chunk("IHDR", header)).Concat(Chunk("IDAT", compressed.ToArray())).Concat(Chunk("IEND", Array.Empty<byte>())).ToArray();
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var chunk = new byte[8 + data.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.HashToUInt32(typeAndData));
        return chunk;
    }

    private CliResult Convert(string input, string output) =>
        ConvertCli.Run("convert", "--model", _model.ModelDirectory, "--input", input, "--output", output, "--plugins", _model.PluginsRoot, "--json");
}
