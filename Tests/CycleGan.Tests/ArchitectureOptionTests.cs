using System.Text.Json;
using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>The generator's shape options (<c>upsample</c>, <c>head</c>) travel with the weights and bind a resumed run.</summary>
public sealed class ArchitectureOptionTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData("upsample", "resize")]
    [InlineData("head", "affine")]
    public void A_model_trained_with_a_shape_option_exports_it_and_converts_with_it_whatever_the_options_say(string option, string value)
    {
        // Given a tiny model trained for two iterations with the option
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyRun.Options(("iterations", "2"), (option, value)), context).ModelDirectory;

        // When its generator.json is read, the generator loaded back, and a texture converted with the default options
        using var description = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, GeneratorExport.ArchitectureFile)));
        using var loaded = GeneratorExport.Load(model, TranslationDirection.AToB, CPU);
        using var stylizer = new CycleGanPlugin().OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, TinyRun.Options()), context);
        var input = new GeneratedTextures(0, (20, 12)).Load(0);
        var output = stylizer.Stylize(input, new StylizeSettings(), CancellationToken.None);

        // Then the architecture travels with the weights, and the conversion is the input's size with values in range
        var expected = option == "upsample"
            ? new GeneratorArchitecture(4, 1, GeneratorUpsampling.Resize)
            : new GeneratorArchitecture(4, 1, Head: GeneratorHead.Affine);
        Assert.Equal(value, description.RootElement.GetProperty(option).GetString());
        Assert.Equal(expected, loaded.Architecture);
        Assert.Equal((input.Width, input.Height, 3), (output.Width, output.Height, output.Channels));
        Assert.All(output.Pixels, v => Assert.InRange(v, 0f, 1f));
    }

    [Theory]
    [InlineData("upsample", "transpose", "resize")]
    [InlineData("head", "direct", "affine")]
    public void Resuming_with_another_shape_is_refused_naming_the_option(string option, string trained, string asked)
    {
        // Given a finished tiny run with the default shape
        var output = _run.Output();
        using (var context = new TestContext(_run.Directory))
        {
            _run.Train(output, TinyRun.Options(("iterations", "1")), context);
        }

        // When it is resumed asking for the other value
        using var resumed = new TestContext(_run.Directory);
        var error = Assert.Throws<PluginException>(() => _run.Train(output, TinyRun.Options(("iterations", "2"), (option, asked)), resumed, resume: true));

        // Then the error names the option with both values
        Assert.Contains($"checkpoint has {option}={trained}, config asks {option}={asked}", error.Message);
    }
}
