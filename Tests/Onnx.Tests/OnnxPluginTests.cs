using Microsoft.ML.OnnxRuntime;
using StyleForge.Plugins;
using StyleForge.Plugins.GanKit.Benchmarks;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Inference;
using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.Onnx;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace StyleForge.Onnx.Tests;

/// <summary>The export's metadata, and the onnx plugin as the host drives it: whole, tiled, seamless, and its refusals.</summary>
public sealed class OnnxPluginTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestContext _context;
    private readonly ITestOutputHelper _output;

    public OnnxPluginTests(ITestOutputHelper output)
    {
        _output = output;
        _context = new TestContext(_temp.Path);
    }

    /// <summary>A model folder as training leaves it, with a random generator of the given size in both directions.</summary>
    private string ModelFolder(int ngf, int blocks, double workingScale = 1)
    {
        var folder = _temp.Combine($"model-{ngf}-{blocks}-{workingScale}");
        using var aToB = OnnxExportMatchTests.RandomGenerator(ngf, blocks, GeneratorUpsampling.Transpose, seed: 11);
        using var bToA = OnnxExportMatchTests.RandomGenerator(ngf, blocks, GeneratorUpsampling.Transpose, seed: 12);
        GeneratorExport.Write(folder, aToB, bToA, iterations: 7, workingScale);
        return folder;
    }

    private string Export(string modelFolder, TranslationDirection direction, bool seamless, int opset = 15)
    {
        var file = _temp.Combine($"{Path.GetFileName(modelFolder)}-{direction}-{seamless}-{opset}.onnx");
        OnnxModelExport.Export(new ModelExportRequest(modelFolder, direction, "onnx", opset, seamless, file), "cyclegan", _context);
        return file;
    }

    private IStylizer Open(string file, TranslationDirection direction = TranslationDirection.AToB, string range = "auto", string upscale = "guided") =>
        new OnnxPlugin().OpenStylizer(new StylizerRequest(null, direction, Options(file, range, upscale)), _context);

    private static OptionValues Options(string file, string range = "auto", string upscale = "guided") => new(new Dictionary<string, string>
    {
        ["model"] = file,
        ["range"] = range,
        ["size_multiple"] = "0",
        ["threads"] = "0",
        ["upscale"] = upscale,
    });

    [Fact]
    public void Given_an_export_Then_its_metadata_says_direction_normalisation_colour_space_padding_and_size_multiple()
    {
        var folder = ModelFolder(4, 1);

        using var session = new InferenceSession(Export(folder, TranslationDirection.BToA, seamless: true, opset: 13));

        var metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("b2a", metadata["direction"]);
        Assert.Equal("[-1,1]", metadata["normalization"]);
        Assert.Equal("sRGB", metadata["color_space"]);
        Assert.Equal("circular", metadata["padding"]);
        Assert.Equal("4", metadata["size_multiple"]);
        Assert.Equal("resnet_generator", metadata["model_family"]);
        Assert.Equal(("4", "1", "transpose"), (metadata["ngf"], metadata["blocks"], metadata["upsample"]));
        Assert.Equal("1", metadata["working_scale"]);
        Assert.Equal("StyleForge", session.ModelMetadata.ProducerName);
    }

    [Theory]
    [InlineData("guided")]
    [InlineData("resize")]
    public void Given_a_model_that_works_at_half_scale_When_exported_and_run_by_the_onnx_plugin_Then_it_matches_the_cyclegan_path(string upscale)
    {
        // Given a model folder whose generator learned textures at half their size
        var folder = ModelFolder(8, 2, workingScale: 0.5);
        var texture = PatternTextures.Scene(72, 56);
        var file = Export(folder, TranslationDirection.AToB, seamless: false);
        using var session = new InferenceSession(file);
        using var viaTorchPath = GeneratorStylizer.Open(folder, TranslationDirection.AToB, CPU, "CycleGAN",
            new OptionValues(new Dictionary<string, string> { ["upscale"] = upscale }), _context);
        using var stylizer = Open(file, upscale: upscale);

        // When both plugins convert the same texture, bringing the result back the same way
        var viaOnnx = stylizer.Stylize(texture, new StylizeSettings(), CancellationToken.None);
        var viaTorch = viaTorchPath.Stylize(texture, new StylizeSettings(), CancellationToken.None);

        // Then the export declares the scale, the onnx plugin says it uses it, and both return the same full-size texture
        Assert.Equal("0.5", session.ModelMetadata.CustomMetadataMap["working_scale"]);
        Assert.Contains(_context.Messages, m => m.Contains("works at scale 0.5", StringComparison.Ordinal));
        Assert.Equal((72, 56), (viaOnnx.Width, viaOnnx.Height));
        var error = PatternTextures.MeanAbsoluteError(viaOnnx, viaTorch);
        Assert.True(error < 1e-5, $"MAE {error * 255:F4}/255");
    }

    [Fact]
    public void Given_a_texture_that_fits_one_tile_When_the_onnx_plugin_stylizes_it_Then_it_matches_the_cyclegan_path_in_both_modes()
    {
        var folder = ModelFolder(8, 2);
        var texture = PatternTextures.Tileable(68, 52);
        using var generator = GeneratorExport.Load(folder, TranslationDirection.AToB, CPU);
        foreach (var seamless in new[] { false, true })
        {
            using var stylizer = Open(Export(folder, TranslationDirection.AToB, seamless));
            var settings = new StylizeSettings(Seamless: seamless);

            var viaOnnx = stylizer.Stylize(texture, settings, CancellationToken.None);
            var viaTorch = TextureTranslator.Translate(generator, CPU, texture, settings, CancellationToken.None);

            // Reflect: the same single pass. Seamless: the cyclegan path blends two shifted tiles around the torus, so the
            // transposed convolutions' edge (they do not wrap) lands mid-tile; the onnx plugin runs the torus once.
            var error = PatternTextures.MeanAbsoluteError(viaOnnx, viaTorch);
            _output.WriteLine($"seamless={seamless}: MAE {error * 255:F4}/255");
            Assert.True(error < (seamless ? 4.0 / 255 : 1e-5), $"seamless={seamless}: MAE {error * 255:F4}/255");
        }
    }

    [Fact]
    public void Given_a_large_texture_When_tiled_Then_the_error_against_the_whole_image_and_the_seams_are_measured()
    {
        // Given the default generator size (ngf 64, 9 blocks), random as the reference initialises it
        var folder = ModelFolder(64, 9);
        using var reflect = Open(Export(folder, TranslationDirection.AToB, seamless: false));
        using var seamless = Open(Export(folder, TranslationDirection.AToB, seamless: true));
        const int size = 192;
        const int tile = 96;
        var scene = PatternTextures.Scene(size, size);
        var tileable = PatternTextures.Tileable(size, size);

        // When converted whole and in tiles (each tile with its own instance-norm statistics)
        var whole = reflect.Stylize(scene, new StylizeSettings(TileSize: size), CancellationToken.None);
        var tiled = reflect.Stylize(scene, new StylizeSettings(TileSize: tile), CancellationToken.None);
        var torus = seamless.Stylize(tileable, new StylizeSettings(Seamless: true, TileSize: size), CancellationToken.None);
        var torusTiled = seamless.Stylize(tileable, new StylizeSettings(Seamless: true, TileSize: tile), CancellationToken.None);
        var wrappedMargin = reflect.Stylize(tileable, new StylizeSettings(Seamless: true, TileSize: size), CancellationToken.None);

        // Then the numbers docs/inference.md quotes. Per-tile statistics make tiles differ (about 34/255 at 256 px, tile 128,
        // on this random model): the bound only catches a broken blend; the seams must stay within 10% of the input's.
        var tiledMae = PatternTextures.MeanAbsoluteError(whole, tiled) * 255;
        var inputSeam = SeamError.Measure(tileable);
        var ratios = new[] { torus, torusTiled, wrappedMargin }.Select(t => SeamError.Measure(t) / inputSeam).ToArray();
        _output.WriteLine($"tiled vs whole MAE {tiledMae:F3}/255 (tile {tile}, overlap 64, {size}px); seam ratio torus {ratios[0]:F3}, torus tiled {ratios[1]:F3}, reflect export with wrapped margin {ratios[2]:F3}");
        Assert.True(tiledMae < 64, $"tiled vs whole MAE {tiledMae:F2}/255");
        Assert.All(ratios, ratio => Assert.True(ratio < 1.1, $"seam ratios {string.Join(", ", ratios.Select(r => r.ToString("F3")))}"));
    }

    [Fact]
    public void Given_a_model_exported_for_the_other_direction_When_opened_Then_the_plugin_refuses_naming_both()
    {
        var file = Export(ModelFolder(4, 1), TranslationDirection.AToB, seamless: false);

        var refusal = Assert.Throws<PluginException>(() => Open(file, TranslationDirection.BToA));

        Assert.Contains("maps a2b (its metadata says so), but b2a was asked; pass --direction a2b", refusal.Message);
    }

    [Fact]
    public void Given_no_model_or_a_missing_file_or_a_non_image_model_When_opened_Then_each_refusal_says_what_to_do()
    {
        var none = Assert.Throws<PluginException>(() => new OnnxPlugin().OpenStylizer(
            new StylizerRequest(null, TranslationDirection.AToB, Options("")), _context));
        Assert.Contains("onnx needs a model file: --set model=FILE.onnx", none.Message);

        var missing = Assert.Throws<PluginException>(() => Open(_temp.Combine("nothing.onnx")));
        Assert.Contains("model file not found", missing.Message);

        var garbage = _temp.Combine("garbage.onnx");
        File.WriteAllText(garbage, "not a model");
        var unreadable = Assert.Throws<PluginException>(() => Open(garbage));
        Assert.Contains("is not a model ONNX Runtime can load", unreadable.Message);
    }

    [Fact]
    public void Given_range_zero_to_one_When_a_model_declares_minus_one_to_one_Then_the_option_wins_and_changes_the_output()
    {
        var file = Export(ModelFolder(4, 1), TranslationDirection.AToB, seamless: false);
        var texture = PatternTextures.Scene(32, 32);
        using var declared = Open(file);
        using var overridden = Open(file, range: "zero_to_one");

        var a = declared.Stylize(texture, new StylizeSettings(), CancellationToken.None);
        var b = overridden.Stylize(texture, new StylizeSettings(), CancellationToken.None);

        Assert.True(PatternTextures.MeanAbsoluteError(a, b) > 1e-3);
    }

    public void Dispose()
    {
        _context.Dispose();
        _temp.Dispose();
    }
}
