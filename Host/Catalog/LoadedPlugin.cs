using StyleForge.Plugins;

namespace StyleForge.Host.Catalog;

/// <summary>A plugin instance with where it came from.</summary>
internal sealed record LoadedPlugin(IStylizerPlugin Instance, string AssemblyPath)
{
    public PluginDescriptor Descriptor => Instance.Descriptor;

    public string Name => Descriptor.Name;
}

/// <summary>A plugin folder that could not be loaded, and why, for people.</summary>
internal sealed record PluginLoadFailure(string Name, string AssemblyPath, string Reason);
