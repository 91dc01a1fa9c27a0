using System.Buffers.Binary;
using StyleForge.Engine.Textures.Bcn;
using StyleForge.Engine.Textures.Dds;
using StyleForge.Tests;
using Xunit;

namespace StyleForge.Conversion.Tests.Dds;

/// <summary>A DDS tree through <c>styleforge convert</c> with a real (ColorTransfer) model.</summary>
public sealed class DdsConvertTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private const int Size = 24;
    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();

    public DdsConvertTests(ColorTransferModelFixture model) => _model = model;

    public void Dispose() => _temp.Dispose();

    private static DdsFormat Legacy(BcFormat block, string fourCC) => new(block, 0, new uint[4], false, false, DdsHeaderKind.Legacy, fourCC, 0);

    [Fact]
    public void Given_a_dds_tree_When_converted_Then_each_colour_texture_keeps_its_format_mips_and_srgb_flag_and_the_rest_fail_are_listed_or_skip_by_name()
    {
        // Given BC1 (with and without a cut-out), BC3, BC7 sRGB, uncompressed DX10 and legacy files, a BC5 normal map,
        // a cube map and a truncated file
        var input = _temp.Combine("in");
        var output = _temp.Combine("out");
        var sources = new Dictionary<string, (DdsFormat Format, int Mips)>
        {
            ["ground_bc1.dds"] = (Legacy(BcFormat.Bc1, "DXT1"), 5),
            ["leaves_bc1a.dds"] = (Legacy(BcFormat.Bc1, "DXT1"), 1),
            ["wall_bc3.dds"] = (Legacy(BcFormat.Bc3, "DXT5"), 3),
            ["decal_bc2.dds"] = (Legacy(BcFormat.Bc2, "DXT3"), 2),
            ["rock_bc7.dds"] = (DxgiFormats.Describe(DxgiFormats.Bc7UnormSrgb)!, 5),
            ["sky/plain.dds"] = (DxgiFormats.Describe(DxgiFormats.R8G8B8A8Unorm)!, 1),
            ["sky/legacy_bgra.dds"] = (new DdsFormat(null, 32, DxgiFormats.Bgra.ToArray(), false, false, DdsHeaderKind.Legacy, null, 0), 2),
            ["wall_normal.dds"] = (Legacy(BcFormat.Bc5, "ATI2"), 5),
        };
        foreach (var (name, (format, mips)) in sources)
        {
            Write(Path.Combine(input, name), format, mips, cutout: name.Contains("bc1a"));
        }
        var cube = Write(Path.Combine(input, "env_cube.dds"), DxgiFormats.Describe(DxgiFormats.Bc7Unorm)!, 1, cutout: false);
        var bytes = File.ReadAllBytes(cube);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(136), 0x4);
        File.WriteAllBytes(cube, bytes);
        var whole = File.ReadAllBytes(Write(_temp.Combine("whole.dds"), DxgiFormats.Describe(DxgiFormats.Bc7Unorm)!, 5, cutout: false));
        File.WriteAllBytes(Path.Combine(input, "cut_bc7.dds"), whole[..(whole.Length / 2)]);

        // When the tree is converted
        var run = ConvertCli.Run("convert", "--model", _model.ModelDirectory, "--input", input, "--output", output, "--plugins", _model.PluginsRoot, "--json");

        // Then the cut file fails alone, naming its path and reason, and the cube map is listed as not converted, with its kind
        Assert.Equal(1, run.Exit);
        var failed = run.Json.GetProperty("failed_files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("reason").GetString()!);
        Assert.Equal(new[] { "cut_bc7.dds" }, failed.Keys);
        Assert.Contains($"{Path.Combine(input, "cut_bc7.dds")}: truncated", failed["cut_bc7.dds"]);
        var unsupported = Assert.Single(run.Json.GetProperty("unsupported_files").EnumerateArray());
        Assert.Equal("env_cube.dds", unsupported.GetProperty("path").GetString());
        Assert.Equal("not converted: unsupported format (DDS cube maps are not supported yet)", unsupported.GetProperty("reason").GetString());
        Assert.False(File.Exists(Path.Combine(output, "env_cube.dds")));
        // And the normal map is skipped by name
        Assert.False(File.Exists(Path.Combine(output, "wall_normal.dds")));
        // And each colour texture comes back in its own format, mip count, sRGB flag and header kind, changed by the model
        foreach (var (name, (format, mips)) in sources.Where(s => !s.Key.Contains("normal")))
        {
            var path = Path.Combine(output, name);
            var content = File.ReadAllBytes(path);
            var written = DdsFile.Parse(path, content);
            Assert.Equal(format.Name, written.Format.Name);
            Assert.Equal(format.Srgb, written.Format.Srgb);
            Assert.Equal(mips, written.MipCount);
            Assert.Equal((Size, Size), (written.Width, written.Height));
            var converted = written.DecodeTop(content);
            var source = File.ReadAllBytes(Path.Combine(input, name));
            var before = DdsFile.Parse(name, source).DecodeTop(source);
            Assert.True(BcTestImages.Psnr(before, converted) < 40, $"{name} looks unconverted");
            if (IndependentDecoders.PillowMissing() is null)
            {
                Assert.InRange(BcTestImages.MaxDifference(converted, IndependentDecoders.PillowDecode(path)), 0, 1);
            }
        }
        // And the BC1 cut-out is kept pixel for pixel
        var leaves = File.ReadAllBytes(Path.Combine(output, "leaves_bc1a.dds"));
        var leavesIn = File.ReadAllBytes(Path.Combine(input, "leaves_bc1a.dds"));
        var alphaOut = DdsFile.Parse("out", leaves).DecodeTop(leaves).Where((_, i) => i % 4 == 3);
        var alphaIn = DdsFile.Parse("in", leavesIn).DecodeTop(leavesIn).Where((_, i) => i % 4 == 3);
        Assert.Equal(alphaIn, alphaOut);
        Assert.Contains((byte)0, alphaOut);
    }

    [Fact]
    public void Given_png_and_tga_textures_When_converted_with_output_format_dds_bc7_srgb_and_full_mips_Then_each_becomes_a_dds_with_a_full_chain()
    {
        // Given an RGBA PNG, an RGB TGA and a DDS with 2 levels
        var input = _temp.Combine("in");
        var output = _temp.Combine("out");
        TestImages.Write(Path.Combine(input, "wall.png"), new SixLabors.ImageSharp.Formats.Png.PngEncoder(), 19, 13);
        TestImages.Write(Path.Combine(input, "floor.tga"), new SixLabors.ImageSharp.Formats.Tga.TgaEncoder { BitsPerPixel = SixLabors.ImageSharp.Formats.Tga.TgaBitsPerPixel.Pixel24 }, 16, 16);
        Write(Path.Combine(input, "rock.dds"), Legacy(BcFormat.Bc1, "DXT1"), 2, cutout: false);

        // When converted to BC7 sRGB with full mip chains
        var run = ConvertCli.Run("convert", "--model", _model.ModelDirectory, "--input", input, "--output", output, "--plugins", _model.PluginsRoot,
            "--json", "--output-format", "dds-bc7-srgb", "--mips", "full");

        // Then every texture is a DX10 BC7_UNORM_SRGB DDS with a full chain, named .dds, which Pillow decodes
        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal(3, run.Json.GetProperty("converted").GetInt32());
        foreach (var (name, width, height) in new[] { ("wall.dds", 19, 13), ("floor.dds", 16, 16), ("rock.dds", Size, Size) })
        {
            var path = Path.Combine(output, name);
            var content = File.ReadAllBytes(path);
            var file = DdsFile.Parse(path, content);
            Assert.Equal("DDS BC7_UNORM_SRGB (DX10)", file.Format.Name);
            Assert.Equal((width, height, DdsWriter.FullMipCount(width, height)), (file.Width, file.Height, file.MipCount));
            if (IndependentDecoders.PillowMissing() is null)
            {
                Assert.InRange(BcTestImages.MaxDifference(file.DecodeTop(content), IndependentDecoders.PillowDecode(path)), 0, 1);
            }
        }
        Assert.False(File.Exists(Path.Combine(output, "wall.png")));
    }

    [Fact]
    public void Given_a_png_and_a_tga_of_the_same_name_When_both_would_become_one_dds_Then_the_second_fails_naming_the_first()
    {
        var input = _temp.Combine("in");
        TestImages.Write(Path.Combine(input, "wall.png"), new SixLabors.ImageSharp.Formats.Png.PngEncoder());
        TestImages.Write(Path.Combine(input, "wall.tga"), new SixLabors.ImageSharp.Formats.Tga.TgaEncoder());

        var run = ConvertCli.Run("convert", "--model", _model.ModelDirectory, "--input", input, "--output", _temp.Combine("out"), "--plugins", _model.PluginsRoot,
            "--json", "--output-format", "dds-bc1");

        Assert.Equal(1, run.Exit);
        var failed = run.Json.GetProperty("failed_files").EnumerateArray().Single();
        Assert.Equal("wall.tga", failed.GetProperty("path").GetString());
        Assert.Contains("is already the output of wall.png", failed.GetProperty("reason").GetString());
    }

    private static string Write(string path, DdsFormat format, int mips, bool cutout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var rgba = BcTestImages.Rgba(Size, Size, alpha: cutout || format.Block is BcFormat.Bc2 or BcFormat.Bc3);
        if (cutout)
        {
            for (var i = 3; i < rgba.Length; i += 4)
            {
                rgba[i] = rgba[i] < 128 ? (byte)0 : (byte)255;
            }
        }
        using var stream = File.Create(path);
        DdsWriter.Write(stream, format, mips, rgba, Size, Size, BcQuality.Fast);
        return path;
    }
}
