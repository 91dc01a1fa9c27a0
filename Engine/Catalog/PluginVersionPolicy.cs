using StyleForge.Plugins;

namespace StyleForge.Engine.Catalog;

/// <summary>Decides whether a plugin built against one contract version can run in this host.</summary>
public static class PluginVersionPolicy
{
    public static PluginApiVersion HostVersion => PluginApi.Current;

    /// <summary>Returns null when compatible, otherwise a sentence naming both versions.</summary>
    public static string? Check(PluginApiVersion plugin, PluginApiVersion host)
    {
        if (plugin.Major != host.Major)
        {
            return $"it was built for plugin API {plugin}, but this host implements API {host}; " +
                   $"rebuild the plugin against Plugins.Abstractions {host.Major}.x";
        }
        if (plugin.Minor > host.Minor)
        {
            return $"it needs plugin API {plugin}, newer than this host's API {host}; update StyleForge";
        }
        return null;
    }
}
