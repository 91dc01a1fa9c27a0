using StyleForge.Engine.Runs;
using StyleForge.Plugins;

namespace StyleForge.Engine.Catalog;

/// <summary>A plugin instance with where it came from.</summary>
public sealed record LoadedPlugin(IStylizerPlugin Instance, string AssemblyPath)
{
    private readonly Lazy<string> _assemblyHash = new(() => ContentHash.OfFile(AssemblyPath));

    public PluginDescriptor Descriptor => Instance.Descriptor;

    public string Name => Descriptor.Name;

    /// <summary>Which search-path entry found it, for people: "plugins/ next to the host", "--plugins", ...</summary>
    public string Origin { get; init; } = "given";

    /// <summary>
    /// Fingerprint of the plugin's assembly file: a rebuilt plugin whose author forgot to bump its
    /// version still gets its outputs converted again.
    /// </summary>
    public string AssemblyHash => _assemblyHash.Value;

    /// <summary>True for a plugin that converts with a model it trained, false for one that needs none.</summary>
    public bool IsTrainable => Instance is ITrainableStylizerPlugin;
}

/// <summary>A plugin folder that could not be loaded, and why, for people.</summary>
public sealed record PluginLoadFailure(string Name, string AssemblyPath, string Reason);
