using System.Text.Json;
using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Inference;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>A model trained on textures shrunk to load_size converts at that scale.</summary>
public sealed class WorkingScaleTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    /// <summary>Rewrites the model's generator.json after <paramref name="edit"/> has changed its properties.</summary>
    private static void EditDescription(string model, Action<Dictionary<string, JsonElement>> edit)
    {
        var path = Path.Combine(model, GeneratorExport.ArchitectureFile);
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, JsonSerializer.Serialize(json));
    }

    [Fact]
    public void Given_training_that_shrinks_the_textures_When_the_model_converts_Then_it_works_at_that_scale_and_returns_the_input_size()
    {
        // Given a tiny model trained with load_size 32 on textures whose shorter sides are 36 to 40 px (median factor 32/36)
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyRun.Options(("iterations", "2"), ("load_size", "32")), context).ModelDirectory;

        // When generator.json is read and a texture is converted
        using var description = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, GeneratorExport.ArchitectureFile)));
        using var stylizer = new CycleGanPlugin().OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, TinyRun.Options()), context);
        var input = new GeneratedTextures(0, (72, 40)).Load(0);
        var output = stylizer.Stylize(input, new StylizeSettings(), CancellationToken.None);

        // Then the scale is recorded and announced, and the result has the input's size
        Assert.Equal(32.0 / 36, description.RootElement.GetProperty("working_scale").GetDouble(), 9);
        Assert.Contains(context.Messages, m => m.Contains("scaled by 0.889", StringComparison.Ordinal));
        Assert.Equal((input.Width, input.Height, 3), (output.Width, output.Height, output.Channels));

        // And it is the generator's result on the texture shrunk to 64 x 36, brought back guided by the texture: not its
        // result at full size
        using var atFullSize = new GeneratorStylizer(GeneratorExport.Load(model, TranslationDirection.AToB, CPU), CPU, "CycleGAN");
        var shrunkInput = TextureResample.Bicubic(input, 64, 36, wrap: false);
        var shrunk = atFullSize.Stylize(shrunkInput, new StylizeSettings(), CancellationToken.None);
        Assert.Equal(GuidedUpsampling.Apply(input, shrunkInput, shrunk, wrap: false).Pixels, output.Pixels);
        Assert.Contains(context.Messages, m => m.Contains("guided by the texture (upscale: guided)", StringComparison.Ordinal));

        // And with upscale: resize the same result is brought back by a plain resize
        using var resizing = new CycleGanPlugin().OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, TinyRun.Options(("upscale", "resize"))), context);
        var resized = resizing.Stylize(input, new StylizeSettings(), CancellationToken.None);
        Assert.Equal(TextureResample.Bicubic(shrunk, 72, 40, wrap: false).Pixels, resized.Pixels);
        var unscaled = atFullSize.Stylize(input, new StylizeSettings(), CancellationToken.None);
        Assert.True(unscaled.Pixels.Zip(output.Pixels).Max(p => Math.Abs(p.First - p.Second)) > 1e-3f);
    }

    [Fact]
    public void Given_training_at_the_textures_own_size_Then_the_model_converts_at_scale_1_and_says_nothing_of_scale()
    {
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyRun.Options(("iterations", "1")), context).ModelDirectory;

        using var stylizer = new CycleGanPlugin().OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, TinyRun.Options()), context);

        Assert.Equal(1.0, GeneratorExport.ReadWorkingScale(model));
        Assert.DoesNotContain(context.Messages, m => m.Contains("scaled by", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_model_exported_before_the_working_scale_existed_Then_it_converts_at_scale_1()
    {
        // Given a generator.json without the value, as older exports wrote it
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyRun.Options(("iterations", "1"), ("load_size", "32")), context).ModelDirectory;
        EditDescription(model, json => json.Remove("working_scale"));

        Assert.Equal(1.0, GeneratorExport.ReadWorkingScale(model));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    public void Given_a_working_scale_out_of_range_Then_opening_the_model_is_refused_naming_the_file(string scale)
    {
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyRun.Options(("iterations", "1"), ("load_size", "32")), context).ModelDirectory;
        EditDescription(model, json => json["working_scale"] = JsonDocument.Parse(scale).RootElement);

        var error = Assert.Throws<PluginException>(() =>
            new CycleGanPlugin().OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, TinyRun.Options()), context));

        Assert.Contains(GeneratorExport.ArchitectureFile, error.Message);
        Assert.Contains("working scale", error.Message);
    }
}
