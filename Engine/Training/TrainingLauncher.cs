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
            try
            {
                return trainer.Train(new TrainingRequest(a, b, outputDirectory, resume, options), context)
                       ?? throw new PluginException($"plugin '{plugin.Name}' returned no training result (null) from Train; return a TrainingResult naming {outputDirectory}");
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or PluginException or OutOfMemoryException))
            {
                throw new PluginException($"plugin '{plugin.Name}' failed while training: {ex.GetType().Name}: {ex.Message}", ex);
            }
        });
        // The model must be the folder the host gave or one the plugin wrote inside it (CycleGan exports
        // to model/): following a path elsewhere would create it and put the marker wherever a plugin bug pointed.
        var given = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var returned = Path.TrimEndingDirectorySeparator(Path.GetFullPath(result.ModelDirectory ?? "", outputDirectory));
        var inside = returned == given || returned.StartsWith(given + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside || !Directory.Exists(returned))
        {
            throw new PluginException(
                $"plugin '{plugin.Name}' trained into {given} but returned the model folder {result.ModelDirectory}, which "
                + (inside ? "does not exist" : "is not inside it")
                + "; a plugin returns the OutputDirectory it was given, or a folder it wrote inside it. The model was not marked");
        }
        new ModelManifest(plugin.Name, plugin.Descriptor.Version, plugin.Descriptor.ApiVersion.ToString(), result.Iterations, options.All)
            .Write(returned);
        return result;
    }
}
