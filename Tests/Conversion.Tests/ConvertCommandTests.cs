using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using StyleForge.Engine.Textures;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>The convert verb end to end: real files, the real ColorTransfer plugin, the real CLI.</summary>
public sealed class ConvertCommandTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private static readonly (string Path, IImageEncoder Encoder)[] GoodTextures =
    {
        ("walls/brick.png", new PngEncoder { ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit8 }),
        ("walls/deep/stone16.png", new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit16 }),
        ("walls/deep/moss_ga16.png", new PngEncoder { ColorType = PngColorType.GrayscaleWithAlpha, BitDepth = PngBitDepth.Bit16 }),
        ("ui/icon_gray.png", new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 }),
        ("ui/palette.png", new PngEncoder { ColorType = PngColorType.Palette }),
        ("props/crate.jpg", new JpegEncoder { Quality = 90 }),
        ("props/crate_gray.jpg", new JpegEncoder { Quality = 90, ColorType = JpegColorType.Luminance }),
        ("props/crate.tga", new TgaEncoder { BitsPerPixel = TgaBitsPerPixel.Pixel32 }),
        ("props/crate.bmp", new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel24 }),
        ("props/crate.tif", new TiffEncoder { BitsPerPixel = TiffBitsPerPixel.Bit24 }),
        ("props/crate.webp", new WebpEncoder { FileFormat = WebpFileFormatType.Lossless }),
    };

    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();
    private readonly string _input;
    private readonly string _output;

    public ConvertCommandTests(ColorTransferModelFixture model)
    {
        _model = model;
        _input = _temp.Combine("in");
        _output = _temp.Combine("out");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_a_mixed_tree_with_broken_files_When_converted_Then_good_files_keep_layout_bad_ones_fail_alone_and_a_second_run_skips()
    {
        WriteGoodTextures();
        TestImages.Write(Path.Combine(_input, "walls/brick_n.png"), new PngEncoder());
        WriteBrokenTextures();

        var first = Convert("--json");

        Assert.Equal(1, first.Exit);
        Assert.Equal(GoodTextures.Length, first.Json.GetProperty("converted").GetInt32());
        Assert.Equal(4, first.Json.GetProperty("failed").GetInt32());
        var failures = first.Json.GetProperty("failed_files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("reason").GetString()!);
        Assert.All(failures, f => Assert.Contains(Path.Combine(_input, f.Key), f.Value));
        Assert.Contains("empty", failures["broken/empty.png"]);
        Assert.Contains("limit", failures["broken/bomb.png"]);
        var skipped = Assert.Single(first.Json.GetProperty("skipped_files").EnumerateArray());
        Assert.Equal("walls/brick_n.png", skipped.GetProperty("path").GetString());
        Assert.Contains("normal map", skipped.GetProperty("reason").GetString());
        foreach (var (path, _) in GoodTextures)
        {
            AssertSameLayout(path);
        }
        Assert.False(File.Exists(Path.Combine(_output, "walls/brick_n.png")));
        Assert.Empty(Directory.EnumerateFiles(_output, "*.sf-partial", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(_output, "broken")) && Directory.EnumerateFiles(Path.Combine(_output, "broken")).Any());

        var second = Convert("--json");

        Assert.Equal(0, second.Json.GetProperty("converted").GetInt32());
        Assert.Equal(GoodTextures.Length + 1, second.Json.GetProperty("skipped").GetInt32());
        Assert.Contains($"skipped {GoodTextures.Length + 1}", second.Error);
        Assert.Contains($"{GoodTextures.Length} up to date", second.Error);

        var forced = Convert("--json", "--force");

        Assert.Equal(GoodTextures.Length, forced.Json.GetProperty("converted").GetInt32());
    }

    [Fact]
    public void Given_a_converted_tree_When_a_source_changes_and_a_dry_run_asks_Then_only_that_file_would_convert_and_nothing_is_written()
    {
        WriteGoodTextures();
        Assert.Equal(0, Convert().Exit);
        TestImages.Write(Path.Combine(_input, "walls/brick.png"), new PngEncoder(), 23, 9);
        var before = File.GetLastWriteTimeUtc(Path.Combine(_output, "walls/brick.png"));

        var dry = Convert("--dry-run", "--json");

        Assert.Equal(0, dry.Exit);
        var convert = Assert.Single(dry.Json.GetProperty("convert").EnumerateArray());
        Assert.Equal("walls/brick.png", convert.GetProperty("path").GetString());
        Assert.Equal("source changed", convert.GetProperty("reason").GetString());
        Assert.All(dry.Json.GetProperty("skip").EnumerateArray(), s => Assert.Equal("up to date", s.GetProperty("reason").GetString()));
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(_output, "walls/brick.png")));
        Assert.Equal(1, Convert("--json").Json.GetProperty("converted").GetInt32());
    }

    [Fact]
    public void Given_a_different_direction_When_run_again_Then_everything_converts_because_the_options_changed()
    {
        WriteGoodTextures();
        Assert.Equal(0, Convert().Exit);

        var reverse = Convert("--dry-run", "--json", "--direction", "b2a");

        Assert.All(reverse.Json.GetProperty("convert").EnumerateArray(), c => Assert.Equal("options changed", c.GetProperty("reason").GetString()));
        Assert.Equal(GoodTextures.Length, reverse.Json.GetProperty("convert").GetArrayLength());
    }

    [Fact]
    public void Given_three_shards_When_each_runs_Then_every_file_converts_exactly_once_and_an_unsharded_run_skips_all()
    {
        for (var i = 0; i < 12; i++)
        {
            TestImages.Write(Path.Combine(_input, $"set{i % 3}/tex{i}.png"), new PngEncoder(), 8, 8);
        }

        var converted = Enumerable.Range(1, 3)
            .Select(i => Convert("--json", "--shard", $"{i}/3"))
            .SelectMany(r => r.Json.GetProperty("converted_files").EnumerateArray().Select(f => f.GetString()!))
            .ToList();

        Assert.Equal(12, converted.Count);
        Assert.Equal(12, converted.Distinct().Count());
        Assert.Equal(3, Directory.EnumerateFiles(_output, ".styleforge-manifest.shard-*-of-3.json").Count());
        var whole = Convert("--json");
        Assert.Equal(0, whole.Json.GetProperty("converted").GetInt32());
        Assert.Equal(12, whole.Json.GetProperty("skipped").GetInt32());
    }

    [Fact]
    public void Given_include_and_exclude_globs_When_converted_Then_only_matching_files_are_written()
    {
        WriteGoodTextures();

        var run = Convert("--json", "--include", "*.png", "--exclude", "ui/**");

        Assert.Equal(new[] { "walls/brick.png", "walls/deep/moss_ga16.png", "walls/deep/stone16.png" },
            run.Json.GetProperty("converted_files").EnumerateArray().Select(f => f.GetString()!).ToArray());
        Assert.False(File.Exists(Path.Combine(_output, "ui/palette.png")));
        Assert.False(File.Exists(Path.Combine(_output, "props/crate.jpg")));
    }

    [Fact]
    public void Given_no_skip_When_converted_Then_data_maps_are_stylized_too()
    {
        TestImages.Write(Path.Combine(_input, "a_n.png"), new PngEncoder());

        var run = Convert("--json", "--no-skip");

        Assert.Equal(1, run.Json.GetProperty("converted").GetInt32());
    }

    [Fact]
    public void Given_rgba_sources_When_converted_Then_alpha_is_bit_identical_and_colour_changed()
    {
        WriteGoodTextures();

        Assert.Equal(0, Convert().Exit);

        var source = Read(Path.Combine(_input, "walls/brick.png"));
        var result = Read(Path.Combine(_output, "walls/brick.png"));
        var colourChange = 0.0;
        for (var i = 0; i < source.Pixels.Pixels.Length; i++)
        {
            if (i % 4 == 3)
            {
                Assert.Equal(source.Pixels.Pixels[i], result.Pixels.Pixels[i]);
            }
            else
            {
                colourChange += Math.Abs(source.Pixels.Pixels[i] - result.Pixels.Pixels[i]);
            }
        }
        Assert.True(colourChange / source.Pixels.Pixels.Length > 0.02, "the model should have changed the colours");
    }

    [Fact]
    public void Given_a_symlink_in_the_output_pointing_outside_When_converted_Then_that_file_fails_and_nothing_is_written_outside()
    {
        WriteGoodTextures();
        var outside = Directory.CreateDirectory(_temp.Combine("outside")).FullName;
        Directory.CreateDirectory(_output);
        Directory.CreateSymbolicLink(Path.Combine(_output, "walls"), outside);

        var run = Convert("--json");

        Assert.Equal(1, run.Exit);
        var failed = run.Json.GetProperty("failed_files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
        Assert.Contains("walls/brick.png", failed);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.True(File.Exists(Path.Combine(_output, "props/crate.tga")));
    }

    [Fact]
    public void Given_a_run_killed_mid_write_When_run_again_Then_the_stale_temp_file_is_removed_and_the_unfinished_file_converts()
    {
        TestImages.Write(Path.Combine(_input, "done.png"), new PngEncoder());
        Assert.Equal(0, Convert().Exit);
        TestImages.Write(Path.Combine(_input, "unfinished.png"), new PngEncoder());
        // What a kill between write and rename leaves: a partial temporary file and no manifest entry.
        File.WriteAllBytes(Path.Combine(_output, "unfinished.png.sf-partial"), new byte[] { 0x89, 0x50 });

        var next = Convert("--json");

        Assert.Equal(new[] { "unfinished.png" }, next.Json.GetProperty("converted_files").EnumerateArray().Select(f => f.GetString()!).ToArray());
        Assert.Empty(Directory.EnumerateFiles(_output, "*.sf-partial", SearchOption.AllDirectories));
        Assert.Equal(19, Read(Path.Combine(_output, "unfinished.png")).Pixels.Width);
    }

    [Fact]
    public void Given_an_output_that_cannot_be_renamed_into_place_When_converted_Then_it_fails_alone_and_no_partial_file_remains()
    {
        TestImages.Write(Path.Combine(_input, "a.png"), new PngEncoder());
        TestImages.Write(Path.Combine(_input, "b.png"), new PngEncoder());
        Directory.CreateDirectory(Path.Combine(_output, "a.png"));

        var run = Convert("--json");

        Assert.Equal(1, run.Exit);
        Assert.Equal("a.png", Assert.Single(run.Json.GetProperty("failed_files").EnumerateArray()).GetProperty("path").GetString());
        Assert.True(File.Exists(Path.Combine(_output, "b.png")));
        Assert.Empty(Directory.EnumerateFiles(_output, "*.sf-partial", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("--shard", "5/4")]
    [InlineData("--direction", "sideways")]
    [InlineData("--include", "{png")]
    [InlineData("--max-pixels", "0")]
    public void Given_bad_usage_When_run_Then_the_exit_code_is_2_and_nothing_is_written(string flag, string value)
    {
        WriteGoodTextures();

        Assert.Equal(2, Convert(flag, value).Exit);
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public void Given_a_folder_without_a_model_When_converting_Then_the_exit_code_is_2_and_the_message_says_what_to_pass()
    {
        WriteGoodTextures();
        var run = Run("convert", "--model", _input, "--input", _input, "--output", _output, "--plugins", _model.PluginsRoot);

        Assert.Equal(2, run.Exit);
        Assert.Contains("styleforge-model.json", run.Error);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Given_outputs_with_their_own_permissions_When_replaced_Then_a_writable_one_keeps_its_mode_and_a_read_only_one_fails_alone_unchanged()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        TestImages.Write(Path.Combine(_input, "shared.png"), new PngEncoder());
        TestImages.Write(Path.Combine(_input, "frozen.png"), new PngEncoder());
        Assert.Equal(0, Convert().Exit);
        var shared = Path.Combine(_output, "shared.png");
        var frozen = Path.Combine(_output, "frozen.png");
        const UnixFileMode groupWritable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead;
        const UnixFileMode readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(shared, groupWritable);
        File.SetUnixFileMode(frozen, readOnly);
        var frozenBytes = File.ReadAllBytes(frozen);

        var forced = Convert("--json", "--force");

        Assert.Equal(1, forced.Exit);
        Assert.Equal(new[] { "shared.png" }, forced.Json.GetProperty("converted_files").EnumerateArray().Select(f => f.GetString()!));
        var failure = Assert.Single(forced.Json.GetProperty("failed_files").EnumerateArray());
        Assert.Equal("frozen.png", failure.GetProperty("path").GetString());
        Assert.Contains($"{frozen} is read-only (mode 0444)", failure.GetProperty("reason").GetString());
        Assert.Equal(groupWritable, File.GetUnixFileMode(shared));
        Assert.Equal(readOnly, File.GetUnixFileMode(frozen));
        Assert.Equal(frozenBytes, File.ReadAllBytes(frozen));
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("{}")]
    public void Given_a_damaged_styleforge_model_json_When_converting_Then_exit_2_and_the_message_names_the_file(string content)
    {
        WriteGoodTextures();
        var model = Directory.CreateDirectory(_temp.Combine("damaged-model")).FullName;
        foreach (var file in Directory.EnumerateFiles(_model.ModelDirectory))
        {
            File.Copy(file, Path.Combine(model, Path.GetFileName(file)));
        }
        var manifest = Path.Combine(model, "styleforge-model.json");
        File.WriteAllText(manifest, content);

        var run = Run("convert", "--model", model, "--input", _input, "--output", _output, "--plugins", _model.PluginsRoot);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"{manifest}: damaged model manifest", run.Error);
        Assert.DoesNotContain("JsonException:", run.Error);
    }

    private void WriteGoodTextures()
    {
        foreach (var (path, encoder) in GoodTextures)
        {
            TestImages.Write(Path.Combine(_input, path), encoder);
        }
    }

    private void WriteBrokenTextures()
    {
        Directory.CreateDirectory(Path.Combine(_input, "broken"));
        File.WriteAllBytes(Path.Combine(_input, "broken/empty.png"), Array.Empty<byte>());
        File.WriteAllBytes(Path.Combine(_input, "broken/garbage.png"), Enumerable.Range(0, 300).Select(i => (byte)(i * 31)).ToArray());
        var whole = File.ReadAllBytes(TestImages.Write(_temp.Combine("whole.png"), new PngEncoder(), 64, 64));
        File.WriteAllBytes(Path.Combine(_input, "broken/truncated.png"), whole[..(whole.Length / 2)]);
        File.WriteAllBytes(Path.Combine(_input, "broken/bomb.png"), TextureCodecTests.PngClaiming(100_000, 100_000));
    }

    private void AssertSameLayout(string relative)
    {
        var source = Read(Path.Combine(_input, relative));
        var result = Read(Path.Combine(_output, relative));
        Assert.Equal((source.Pixels.Width, source.Pixels.Height), (result.Pixels.Width, result.Pixels.Height));
        Assert.Equal((source.Layout.Format, source.Layout.Channels, source.Layout.BitDepth),
            (result.Layout.Format, result.Layout.Channels, result.Layout.BitDepth));
    }

    private static DecodedTexture Read(string path) => TextureCodec.Read(path, File.ReadAllBytes(path), TextureCodec.DefaultMaxPixels);

    private CliResult Convert(params string[] extra) =>
        Run(new[] { "convert", "--model", _model.ModelDirectory, "--input", _input, "--output", _output, "--plugins", _model.PluginsRoot }
            .Concat(extra).ToArray());

    private static CliResult Run(params string[] args) => ConvertCli.Run(args);
}
