using System.Buffers.Binary;
using System.Diagnostics;
using StyleForge.Engine.Textures;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>
/// TIFFs above 8 bits per sample or with alpha, which ImageSharp 2.1 decodes but cannot encode: they
/// convert through the real CLI and come back with their bit depth and alpha. Sources are built here
/// byte by byte (big-endian, uncompressed), independently of the host's writer; ImageMagick's
/// identify (libtiff) checks the outputs independently of ImageSharp.
/// </summary>
public sealed class TiffDepthTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private const int Width = 21;
    private const int Height = 11;

    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();
    private readonly string _input;
    private readonly string _output;

    public TiffDepthTests(ColorTransferModelFixture model)
    {
        _model = model;
        _input = _temp.Combine("in");
        _output = _temp.Combine("out");
        Directory.CreateDirectory(_input);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("rgb16.tif", 3, 16, 16, null)]
    [InlineData("rgba8.tif", 4, 8, 8, (ushort)2)]
    [InlineData("rgba16.tif", 4, 16, 16, (ushort)2)]
    [InlineData("gray16.tif", 1, 16, 16, null)]
    public void Given_a_deep_or_alpha_tiff_When_converted_Then_bit_depth_and_alpha_are_kept_and_colour_changes(
        string name, int channels, int bits, int expectedBits, ushort? extraSamples)
    {
        var source = BuildTiff(Path.Combine(_input, name), channels, bits, extraSamples);

        var run = Convert();

        Assert.True(run.Exit == 0, run.Error);
        var output = Path.Combine(_output, name);
        var before = Read(source);
        var after = Read(output);
        Assert.Equal((TextureFileFormat.Tiff, channels, expectedBits), (after.Layout.Format, after.Layout.Channels, after.Layout.BitDepth));
        var colourChange = 0.0;
        for (var i = 0; i < before.Pixels.Pixels.Length; i++)
        {
            if (extraSamples is not null && i % channels == channels - 1)
            {
                Assert.Equal(before.Pixels.Pixels[i], after.Pixels.Pixels[i]);
            }
            else
            {
                colourChange += Math.Abs(before.Pixels.Pixels[i] - after.Pixels.Pixels[i]);
            }
        }
        Assert.True(colourChange / before.Pixels.Pixels.Length > 0.005, "the model should have changed the colours");
        if (expectedBits == 16)
        {
            // Values a 8-bit round trip cannot hold: the 16-bit output keeps levels between 8-bit steps.
            Assert.Contains(after.Pixels.Pixels, v => Math.Abs(v * 255 - MathF.Round(v * 255)) > 0.01f);
        }
    }

    [SkippableTheory]
    [InlineData("rgba16.tif", 4, 16, "srgba 16")]
    [InlineData("rgb16.tif", 3, 16, "srgb 16")]
    [InlineData("gray16.tif", 1, 16, "gray 16")]
    [InlineData("rgba8.tif", 4, 8, "srgba 8")]
    public void Given_a_converted_deep_tiff_When_libtiff_reads_it_Then_it_sees_the_same_channels_and_depth(string name, int channels, int bits, string expected)
    {
        Skip.If(!OnPath("identify"), "ImageMagick's identify is not installed (.ci/run installs imagemagick)");
        BuildTiff(Path.Combine(_input, name), channels, bits, channels == 4 ? (ushort)2 : null);
        Assert.Equal(0, Convert().Exit);

        var described = Identify(Path.Combine(_output, name), "%[channels] %z %wx%h");

        Assert.Equal($"{expected} {Width}x{Height}", described);
    }

    [Fact]
    public void Given_a_tiff_with_two_pages_When_converted_Then_it_is_listed_as_not_converted_instead_of_losing_the_second_page()
    {
        BuildTiff(Path.Combine(_input, "pages.tif"), 4, 16, 2, pages: 2);
        BuildTiff(Path.Combine(_input, "one.tif"), 4, 16, 2);

        var run = Convert("--json");

        Assert.Equal(0, run.Exit);
        var left = Assert.Single(run.Json.GetProperty("unsupported_files").EnumerateArray());
        Assert.Equal("pages.tif", left.GetProperty("path").GetString());
        Assert.StartsWith("not converted: unsupported format (2 pages or frames;", left.GetProperty("reason").GetString());
        Assert.Contains("not converted 1 (unsupported format: .tif 1)", run.Error);
        Assert.False(File.Exists(Path.Combine(_output, "pages.tif")));
        Assert.True(File.Exists(Path.Combine(_output, "one.tif")));
    }

    [Theory]
    [InlineData(4, 8, (ushort)1, "premultiplied (associated) alpha")]
    [InlineData(3, 32, null, "32 bits per sample")]
    [InlineData(2, 8, (ushort)2, "the decoder does not support this file")]
    [InlineData(4, 8, (ushort)0, "the decoder does not support this file")]
    public void Given_a_tiff_of_a_kind_that_cannot_be_converted_When_converted_Then_it_is_listed_as_not_converted_with_the_reason(
        int channels, int bits, ushort? extraSamples, string reason)
    {
        BuildTiff(Path.Combine(_input, "refused.tif"), channels, bits, extraSamples);
        BuildTiff(Path.Combine(_input, "ok.tif"), 3, 16, null);

        var run = Convert("--json");

        Assert.Equal(0, run.Exit);
        var left = Assert.Single(run.Json.GetProperty("unsupported_files").EnumerateArray());
        Assert.Equal("refused.tif", left.GetProperty("path").GetString());
        Assert.Contains(reason, left.GetProperty("reason").GetString());
        Assert.Contains($"{Path.Combine(_input, "refused.tif")}: not converted: unsupported format (", run.Error);
        Assert.False(File.Exists(Path.Combine(_output, "refused.tif")));
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, ".styleforge-manifest.json")));
        Assert.Contains(reason, manifest.RootElement.GetProperty("not_converted").GetProperty("refused.tif").GetString());
        Assert.True(File.Exists(Path.Combine(_output, "ok.tif")));
    }

    /// <summary>A big-endian, uncompressed TIFF of <paramref name="pages"/> single-strip pages, each a gradient with varying alpha; returns its path.</summary>
    private static string BuildTiff(string path, int channels, int bits, ushort? extraSamples, int pages = 1)
    {
        using var file = new MemoryStream();
        var header = new byte[8];
        "MM"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 8);
        file.Write(header);
        for (var page = 0; page < pages; page++)
        {
            file.Write(Page((int)file.Length, channels, bits, extraSamples, last: page == pages - 1));
        }
        File.WriteAllBytes(path, file.ToArray());
        return path;
    }

    /// <summary>One page placed at <paramref name="at"/>: its IFD, the arrays too long for an entry, then its strip; the next page follows directly.</summary>
    private static byte[] Page(int at, int channels, int bits, ushort? extraSamples, bool last)
    {
        var bytesPerSample = bits / 8;
        var pixelBytes = new byte[Width * Height * channels * bytesPerSample];
        var i = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    // Fine steps (not multiples of 257) so 16-bit sources hold levels between 8-bit values.
                    var unit = c == 3 ? (x < 2 ? 0.0 : 0.3 + 0.7 * y / (Height - 1)) : (x * 37 + y * 91 + c * 53) % 1000 / 1000.0 * 0.8 + 0.1;
                    if (bytesPerSample == 4)
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(pixelBytes.AsSpan(i), (uint)Math.Round(unit * uint.MaxValue));
                    }
                    else if (bytesPerSample == 2)
                    {
                        BinaryPrimitives.WriteUInt16BigEndian(pixelBytes.AsSpan(i), (ushort)Math.Round(unit * 65535));
                    }
                    else
                    {
                        pixelBytes[i] = (byte)Math.Round(unit * 255);
                    }
                    i += bytesPerSample;
                }
            }
        }
        var entries = new List<(ushort Tag, ushort[] Values)>
        {
            (256, new[] { (ushort)Width }),
            (257, new[] { (ushort)Height }),
            (258, Enumerable.Repeat((ushort)bits, channels).ToArray()),
            (259, new ushort[] { 1 }),
            (262, new[] { channels <= 2 ? (ushort)1 : (ushort)2 }),
            (273, new ushort[] { 0 }), // written as a LONG below: the strip's offset
            (277, new[] { (ushort)channels }),
            (278, new[] { (ushort)Height }),
            (279, new ushort[] { 0 }), // written as a LONG below: the strip's size
            (284, new ushort[] { 1 }),
        };
        if (extraSamples is { } extra)
        {
            entries.Add((338, new[] { extra }));
        }
        var next = at + 2 + entries.Count * 12 + 4;
        var offsets = new Dictionary<ushort, int>();
        foreach (var (tag, values) in entries.Where(e => e.Values.Length > 2))
        {
            offsets[tag] = next;
            next += values.Length * 2;
        }
        var stripOffset = next;
        var end = stripOffset + pixelBytes.Length;
        using var page = new MemoryStream();
        var count = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(count, (ushort)entries.Count);
        page.Write(count);
        foreach (var (tag, values) in entries)
        {
            var entry = new byte[12];
            BinaryPrimitives.WriteUInt16BigEndian(entry, tag);
            var isLong = tag is 273 or 279;
            BinaryPrimitives.WriteUInt16BigEndian(entry.AsSpan(2), isLong ? (ushort)4 : (ushort)3);
            BinaryPrimitives.WriteUInt32BigEndian(entry.AsSpan(4), (uint)values.Length);
            if (isLong)
            {
                BinaryPrimitives.WriteUInt32BigEndian(entry.AsSpan(8), tag == 273 ? (uint)stripOffset : (uint)pixelBytes.Length);
            }
            else if (values.Length > 2)
            {
                BinaryPrimitives.WriteUInt32BigEndian(entry.AsSpan(8), (uint)offsets[tag]);
            }
            else
            {
                for (var v = 0; v < values.Length; v++)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(entry.AsSpan(8 + 2 * v), values[v]);
                }
            }
            page.Write(entry);
        }
        var nextIfd = new byte[4];
        // Pages follow one another; the strip has an even length for every layout used here, so the next IFD stays word-aligned.
        BinaryPrimitives.WriteUInt32BigEndian(nextIfd, last ? 0u : (uint)end);
        page.Write(nextIfd);
        foreach (var (_, values) in entries.Where(e => e.Values.Length > 2))
        {
            foreach (var value in values)
            {
                var bytes = new byte[2];
                BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
                page.Write(bytes);
            }
        }
        page.Write(pixelBytes);
        return page.ToArray();
    }

    private static DecodedTexture Read(string path) => TextureCodec.Read(path, File.ReadAllBytes(path), TextureCodec.DefaultMaxPixels);

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, program)));

    private static string Identify(string path, string format)
    {
        using var process = Process.Start(new ProcessStartInfo("identify") { ArgumentList = { "-format", format, path }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"identify failed on {path}: {error}");
        return output.Trim();
    }

    private CliResult Convert(params string[] extra) =>
        ConvertCli.Run(new[] { "convert", "--model", _model.ModelDirectory, "--input", _input, "--output", _output, "--plugins", _model.PluginsRoot }
            .Concat(extra).ToArray());
}
