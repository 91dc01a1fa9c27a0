using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan;

namespace StyleForge.CycleGan.Tests;

/// <summary>A trained model's export opens as a stylizer for either direction.</summary>
public sealed class StylizerTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Exported_generators_stylize_textures_of_any_size_in_both_directions()
    {
        // Given a model trained for two iterations
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyRun.Options(("iterations", "2")), context).ModelDirectory;
        var plugin = new CycleGanPlugin();
        using var aToB = plugin.OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, TinyRun.Options()), context);
        using var bToA = plugin.OpenStylizer(new StylizerRequest(model, TranslationDirection.BToA, TinyRun.Options()), context);
        var texture = new GeneratedTextures(0, (20, 12), (13, 7));

        foreach (var index in new[] { 0, 1 })
        {
            // When a texture (sides multiples of 4, then not) is stylized both ways
            var input = texture.Load(index);
            var forward = aToB.Stylize(input, new StylizeSettings(), CancellationToken.None);
            var backward = bToA.Stylize(input, new StylizeSettings(), CancellationToken.None);

            // Then the outputs are RGB at the input's size, in range, and the two directions differ
            Assert.Equal((input.Width, input.Height, 3), (forward.Width, forward.Height, forward.Channels));
            Assert.All(forward.Pixels, v => Assert.InRange(v, 0f, 1f));
            Assert.NotEqual(forward.Pixels, backward.Pixels);
        }
    }

    [Fact]
    public void Opening_a_folder_without_a_model_says_what_is_missing()
    {
        // Given an empty folder
        using var context = new TestContext(_run.Directory);

        // When it is opened as a model, then the error names the missing file
        var error = Assert.Throws<PluginException>(() =>
            new CycleGanPlugin().OpenStylizer(new StylizerRequest(_run.Directory, TranslationDirection.AToB, TinyRun.Options()), context));
        Assert.Contains("generator.json", error.Message);
    }

    [Fact]
    public void Opening_a_model_reads_only_the_options_inference_uses()
    {
        // Given a trained model, and options whose training-only values could not train (crop larger than load size)
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyRun.Options(("iterations", "1")), context).ModelDirectory;
        var trainingOnly = TinyRun.Options(("crop_size", "64"), ("load_size", "32"), ("iterations", ""), ("epochs", "0"), ("decay_epochs", "0"));
        Assert.Throws<PluginException>(() => StyleForge.Plugins.CycleGan.Training.TrainingSettings.From(trainingOnly));

        // When the model is opened for stylizing with them, then it opens and stylizes
        using var stylizer = new CycleGanPlugin().OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, trainingOnly), context);
        var output = stylizer.Stylize(new GeneratedTextures(0, (16, 16)).Load(0), new StylizeSettings(), CancellationToken.None);
        Assert.Equal((16, 16), (output.Width, output.Height));
    }
}
