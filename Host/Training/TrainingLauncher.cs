using StyleForge.Host.Catalog;
using StyleForge.Host.Runs;
using StyleForge.Host.Terminal;
using StyleForge.Host.Textures;
using StyleForge.Plugins;

namespace StyleForge.Host.Training;

/// <summary>Hands two texture folders to a trainable plugin, shows its progress, and marks the result as a model folder.</summary>
internal static class TrainingLauncher
{
    public static TrainingResult Train(LoadedPlugin plugin, string domainA, string domainB, string outputDirectory, bool resume,
        OptionValues options, HostConsole console, RunLog? log, int seed, string device, CancellationToken cancellation)
    {
        if (plugin.Instance is not ITrainableStylizerPlugin trainer)
        {
            throw new PluginException($"plugin '{plugin.Name}' cannot train");
        }
        var a = TextureFolder.Open(domainA);
        var b = TextureFolder.Open(domainB);
        if (a.Count == 0 || b.Count == 0)
        {
            var empty = a.Count == 0 ? domainA : domainB;
            throw new PluginException($"no textures found under {empty} (looked for {string.Join(", ", TextureFormats.Extensions)})");
        }
        Directory.CreateDirectory(outputDirectory);
        console.Info($"training {plugin.Name} on {a.Count} textures of A ({domainA}) and {b.Count} of B ({domainB}) into {outputDirectory}");
        var result = ProgressDisplay.Run(console, plugin.Name, progress =>
        {
            var context = new HostPluginContext(console, log, outputDirectory, progress, cancellation, seed, device);
            return trainer.Train(new TrainingRequest(a, b, outputDirectory, resume, options), context);
        });
        new ModelManifest(plugin.Name, plugin.Descriptor.Version, plugin.Descriptor.ApiVersion.ToString(), result.Iterations)
            .Write(result.ModelDirectory);
        return result;
    }
}
