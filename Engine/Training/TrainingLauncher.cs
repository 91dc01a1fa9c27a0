using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;
using StyleForge.Plugins;

namespace StyleForge.Engine.Training;

/// <summary>Hands two texture folders to a trainable plugin, shows its progress, and marks the result as a model folder.</summary>
public static class TrainingLauncher
{
    /// <summary>Trains; throws <see cref="PluginException"/> for a plugin that cannot train, empty folders, or a failure in the plugin.</summary>
    public static TrainingResult Train(TrainingLaunch launch, StageEnvironment environment)
    {
        var (plugin, domainA, domainB, outputDirectory, resume, options) = launch;
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
        environment.Reporter.Info($"training {plugin.Name} on {a.Count} textures of A ({domainA}) and {b.Count} of B ({domainB}) into {outputDirectory}");
        var result = environment.Reporter.WithProgress(plugin.Name, progress =>
        {
            var context = environment.PluginContext(outputDirectory, progress);
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
