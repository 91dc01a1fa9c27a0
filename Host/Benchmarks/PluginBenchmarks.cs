using StyleForge.Host.Catalog;
using StyleForge.Plugins;

namespace StyleForge.Host.Benchmarks;

/// <summary>Finds the plugin that offers a named benchmark through <see cref="IBenchmarkProvider"/>.</summary>
internal static class PluginBenchmarks
{
    public static (LoadedPlugin Plugin, IBenchmarkProvider Provider)? Find(PluginCatalog catalog, string name) =>
        catalog.Plugins
            .Select(p => (Plugin: p, Provider: p.Instance as IBenchmarkProvider))
            .Where(p => p.Provider is not null && p.Provider.Benchmarks.Contains(name, StringComparer.OrdinalIgnoreCase))
            .Select(p => ((LoadedPlugin, IBenchmarkProvider)?)(p.Plugin, p.Provider!))
            .FirstOrDefault();

    /// <summary>Every benchmark name on offer, with its plugin, for the "unknown benchmark" message.</summary>
    public static IEnumerable<string> Names(PluginCatalog catalog) =>
        catalog.Plugins
            .SelectMany(p => p.Instance is IBenchmarkProvider provider ? provider.Benchmarks.Select(b => $"{b} ({p.Name})") : Array.Empty<string>())
            .Prepend("dds (host)")
            .Prepend("convert (host)");
}
