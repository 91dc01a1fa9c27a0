using StyleForge.Engine.Catalog;
using StyleForge.Engine.Training;
using StyleForge.Plugins;

namespace StyleForge.Host.Requests;

/// <summary>
/// The one place a <see cref="TrainingLaunch"/> is assembled, for the train verb and the train step alike: the plugin
/// must be able to train, both domain folders must exist, and the training folder becomes absolute.
/// <see cref="Build"/> throws <see cref="ArgumentException"/> with a message for people.
/// </summary>
internal static class TrainingLaunchBuilder
{
    public static TrainingLaunch Build(LoadedPlugin plugin, string domainA, string domainB, string outputDirectory, bool resume, OptionValues options)
    {
        if (plugin.Instance is not ITrainableStylizerPlugin)
        {
            throw new ArgumentException($"plugin '{plugin.Name}' cannot train: it needs no model; use it directly with 'styleforge convert --plugin {plugin.Name}'");
        }
        foreach (var folder in new[] { domainA, domainB })
        {
            if (!Directory.Exists(folder))
            {
                throw new ArgumentException($"folder not found: {folder}");
            }
        }
        return new TrainingLaunch(plugin, Path.GetFullPath(domainA), Path.GetFullPath(domainB), Path.GetFullPath(outputDirectory), resume, options);
    }
}
