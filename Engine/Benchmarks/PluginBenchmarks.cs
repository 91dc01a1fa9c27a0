using StyleForge.Engine.Catalog;
using StyleForge.Plugins;

namespace StyleForge.Engine.Benchmarks;

/// <summary>Finds the plugin that offers a named benchmark through <see cref="IBenchmarkProvider"/>.</summary>
public static class PluginBenchmarks
{
    /// <summary>The plugin offering benchmark <paramref name="name"/>; <paramref name="preferred"/> when it is one of several that do.</summary>
    public static (LoadedPlugin Plugin, IBenchmarkProvider Provider)? Find(PluginCatalog catalog, string name, string? preferred = null) =>
        catalog.Plugins
            .Select(p => (Plugin: p, Provider: p.Instance as IBenchmarkProvider))
            .Where(p => p.Provider is not null && p.Provider.Benchmarks.Contains(name, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(p => string.Equals(p.Plugin.Name, preferred, StringComparison.OrdinalIgnoreCase))
            .Select(p => ((LoadedPlugin, IBenchmarkProvider)?)(p.Plugin, p.Provider!))
            .FirstOrDefault();

    /// <summary>Every benchmark name on offer, with its plugin, for the "unknown benchmark" message.</summary>
    public static IEnumerable<string> Names(PluginCatalog catalog) =>
        catalog.Plugins
            .SelectMany(p => p.Instance is IBenchmarkProvider provider ? provider.Benchmarks.Select(b => $"{b} ({p.Name})") : Array.Empty<string>())
            .Prepend("dds (host)")
            .Prepend("convert (host)");
}
