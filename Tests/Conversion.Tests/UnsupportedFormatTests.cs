using System.Text.Json;
using SixLabors.ImageSharp.Formats.Png;
using StyleForge.Engine.Textures;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>
/// A texture tree as it arrives: PNGs next to PSD working files, EXR and KTX2 textures, normal maps
/// and text files. What cannot be converted is named, never passed over in silence.
/// </summary>
public sealed class UnsupportedFormatTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();
    private readonly string _input;
    private readonly string _output;

    public UnsupportedFormatTests(ColorTransferModelFixture model)
    {
        _model = model;
        _input = _temp.Combine("in");
        _output = _temp.Combine("out");
        TestImages.Write(Path.Combine(_input, "walls/brick_diff_1k.png"), new PngEncoder());
        TestImages.Write(Path.Combine(_input, "walls/brick_nor_gl_1k.png"), new PngEncoder());
        // Not real files of these formats: the extension alone decides, nothing is decoded.
        File.WriteAllBytes(Path.Combine(_input, "walls/brick.psd"), "8BPS"u8.ToArray());
        File.WriteAllBytes(Path.Combine(_input, "walls/sky_4k.exr"), new byte[] { 0x76, 0x2f, 0x31, 0x01 });
        File.WriteAllBytes(Path.Combine(_input, "walls/brick_nor_gl_4k.exr"), new byte[] { 0x76, 0x2f, 0x31, 0x01 });
        File.WriteAllBytes(Path.Combine(_input, "walls/brick.ktx2"), "\u00abKTX 20\u00bb"u8.ToArray());
        File.WriteAllText(Path.Combine(_input, "walls/readme.txt"), "not a texture");
        File.WriteAllText(Path.Combine(_input, "walls/material.json"), "{}");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_pngs_beside_psd_exr_and_ktx2_When_converted_Then_the_pngs_convert_the_others_are_listed_and_the_exit_is_0()
    {
        var run = Convert("--json");

        Assert.Equal(0, run.Exit);
        Assert.Equal(new[] { "walls/brick_diff_1k.png" }, Paths(run.Json.GetProperty("converted_files")));
        Assert.Equal(3, run.Json.GetProperty("unsupported").GetInt32());
        var unsupported = Reasons(run.Json.GetProperty("unsupported_files"));
        Assert.Equal(new[] { "walls/brick.ktx2", "walls/brick.psd", "walls/sky_4k.exr" }, unsupported.Keys.ToArray());
        Assert.Equal("not converted: unsupported format (Photoshop)", unsupported["walls/brick.psd"]);
        Assert.Equal("not converted: unsupported format (OpenEXR)", unsupported["walls/sky_4k.exr"]);
        Assert.Equal("not converted: unsupported format (KTX2)", unsupported["walls/brick.ktx2"]);
        Assert.Contains($"{Path.Combine(_input, "walls/brick.psd")}: not converted: unsupported format (Photoshop)", run.Error);
        Assert.Contains("not converted 3 (unsupported format: .exr 1, .ktx2 1, .psd 1)", run.Error);
        Assert.Contains("skipped 2 (2 not a colour map [_nor_gl 2])", run.Error);
        Assert.DoesNotContain("readme.txt", run.Output + run.Error);
        Assert.DoesNotContain("material.json", run.Output + run.Error);
        Assert.False(File.Exists(Path.Combine(_output, "walls/brick.psd")));
    }

    [Fact]
    public void Given_a_converted_tree_When_the_manifest_is_read_Then_it_names_each_file_left_and_the_rule_or_format_why()
    {
        Assert.Equal(0, Convert().Exit);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, ".styleforge-manifest.json")));
        var notConverted = manifest.RootElement.GetProperty("not_converted").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        Assert.Equal(new[] { "walls/brick.ktx2", "walls/brick.psd", "walls/brick_nor_gl_1k.png", "walls/brick_nor_gl_4k.exr", "walls/sky_4k.exr" },
            notConverted.Keys.ToArray());
        Assert.StartsWith("not a colour map: normal map", notConverted["walls/brick_nor_gl_4k.exr"]);
        Assert.Equal("not a colour map: normal map (OpenGL, Y up) (rule _nor_gl, Poly Haven)", notConverted["walls/brick_nor_gl_1k.png"]);
        Assert.Equal("not converted: unsupported format (OpenEXR)", notConverted["walls/sky_4k.exr"]);
        var converted = manifest.RootElement.GetProperty("files").GetProperty("walls/brick_diff_1k.png");
        Assert.Equal("colour map (rule _diff, Poly Haven)", converted.GetProperty("map_type").GetString());
    }

    [Fact]
    public void Given_a_dry_run_Then_it_lists_the_unsupported_files_and_an_exclude_glob_leaves_them_out()
    {
        TestImages.Write(Path.Combine(_input, "walls/plaster.png"), new PngEncoder());

        var dry = Convert("--dry-run", "--json");

        Assert.Equal(0, dry.Exit);
        var maps = dry.Json.GetProperty("convert").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("map").GetString());
        Assert.Equal("colour map (rule _diff, Poly Haven)", maps["walls/brick_diff_1k.png"]);
        Assert.Equal("colour map (no map-type rule matched)", maps["walls/plaster.png"]);
        Assert.Equal(new[] { "walls/brick.ktx2", "walls/brick.psd", "walls/sky_4k.exr" }, Paths(dry.Json.GetProperty("unsupported"), "path"));
        // A normal map is skipped by its name whatever its format: only colour is listed as left behind.
        Assert.Equal(new[] { "walls/brick_nor_gl_1k.png", "walls/brick_nor_gl_4k.exr" }, Paths(dry.Json.GetProperty("skip"), "path"));
        Assert.All(dry.Json.GetProperty("skip").EnumerateArray(),
            s => Assert.Equal("not a colour map: normal map (OpenGL, Y up) (rule _nor_gl, Poly Haven)", s.GetProperty("reason").GetString()));

        var excluded = Convert("--json", "--exclude", "*.{psd,exr,ktx2}");

        Assert.Equal(0, excluded.Json.GetProperty("unsupported").GetInt32());
        Assert.Equal(4, excluded.Json.GetProperty("not_selected").GetInt32());
        Assert.DoesNotContain("not converted", excluded.Error);
    }

    [Fact]
    public void Given_the_format_tables_Then_docs_formats_md_lists_every_extension_converted_or_not()
    {
        var docs = File.ReadAllText(Path.Combine(RepoLayout.Root, "docs", "formats.md"));

        var missing = TextureFormats.Extensions.Concat(UnconvertibleFormats.Extensions).Where(e => !docs.Contains($"`{e}`", StringComparison.Ordinal));

        Assert.Empty(missing);
    }

    private static string[] Paths(JsonElement array, string? property = null) =>
        array.EnumerateArray().Select(e => (property is null ? e : e.GetProperty(property)).GetString()!).ToArray();

    private static Dictionary<string, string> Reasons(JsonElement array) =>
        array.EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("reason").GetString()!);

    private CliResult Convert(params string[] extra) =>
        ConvertCli.Run(new[] { "convert", "--model", _model.ModelDirectory, "--input", _input, "--output", _output, "--plugins", _model.PluginsRoot }
            .Concat(extra).ToArray());
}
