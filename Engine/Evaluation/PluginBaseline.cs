using StyleForge.Engine.Catalog;
using StyleForge.Engine.Options;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;
using StyleForge.Engine.Training;
using StyleForge.Plugins;

namespace StyleForge.Engine.Evaluation;

/// <summary>
/// A baseline made from a trainable plugin at its default options: trained on the same two folders
/// as the model, then applied A to B to the same test inputs, through the plugin contract like any
/// conversion.
/// </summary>
public static class PluginBaseline
{
    /// <summary>Trains into <paramref name="directory"/>/model, converts into <paramref name="directory"/>/converted and returns that folder.</summary>
    public static string Produce(LoadedPlugin plugin, string trainA, string trainB, string input, string directory, StageEnvironment environment)
    {
        var errors = new List<InputError>();
        var options = PluginOptionBinder.Bind(plugin.Descriptor, Array.Empty<OptionInput>(), errors);
        if (errors.Count > 0)
        {
            throw new PluginException($"baseline plugin '{plugin.Name}' has invalid defaults: {string.Join("; ", errors)}");
        }
        var model = TrainingLauncher.Train(new TrainingLaunch(plugin, trainA, trainB, Path.Combine(directory, "model"), Resume: false, options), environment);

        var converted = Path.Combine(directory, "converted");
        if (Directory.Exists(converted))
        {
            // Stale outputs from an earlier test set would be scored as unmatched predictions.
            Directory.Delete(converted, recursive: true);
        }
        var inputs = TextureFolder.Open(input);
        environment.Reporter.WithProgress($"{plugin.Name} baseline", progress =>
        {
            var context = environment.PluginContext(directory, progress);
            using var stylizer = plugin.Instance.OpenStylizer(new StylizerRequest(model.ModelDirectory, TranslationDirection.AToB, options), context);
            for (var i = 0; i < inputs.Count; i++)
            {
                environment.Cancellation.ThrowIfCancellationRequested();
                var output = stylizer.Stylize(Rgb(inputs.Load(i)), new StylizeSettings(), environment.Cancellation);
                // Keeps the input's relative path (and so its name) so the scores match the truth by path.
                AtomicFile.Write(Path.Combine(converted, inputs.GetRelativePath(i)), stream => TextureCodec.SavePng(output, stream));
                progress.Report(new PluginProgress("convert", i + 1, inputs.Count, new Dictionary<string, double>()));
            }
            return inputs.Count;
        });
        return converted;
    }

    /// <summary>The contract hands stylizers RGB only: alpha is dropped, gray is repeated.</summary>
    private static TextureBuffer Rgb(TextureBuffer texture)
    {
        if (texture.Channels == 3)
        {
            return texture;
        }
        var rgb = new TextureBuffer(texture.Width, texture.Height, 3) { BitDepth = texture.BitDepth, Encoding = texture.Encoding };
        var count = texture.Width * texture.Height;
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                rgb.Pixels[i * 3 + c] = texture.Pixels[i * texture.Channels + (texture.Channels >= 3 ? c : 0)];
            }
        }
        return rgb;
    }
}
