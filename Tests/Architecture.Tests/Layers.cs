using System.Reflection;
using StyleForge.Engine.Catalog;
using StyleForge.Plugins;
using StyleForge.Viewer;

namespace StyleForge.Architecture.Tests;

/// <summary>The assemblies of each layer, and the in-tree plugins as the host's build stages them.</summary>
internal static class Layers
{
    /// <summary>The CLI's assembly (its types are internal, so it is loaded by name; the project reference puts it beside this one).</summary>
    public static Assembly Host { get; } = Assembly.Load(new AssemblyName("styleforge"));

    public static Assembly Engine { get; } = typeof(PluginCatalog).Assembly;

    public static Assembly Contract { get; } = typeof(IStylizerPlugin).Assembly;

    public static Assembly Viewer { get; } = typeof(ViewerImage).Assembly;

    /// <summary>Each staged in-tree plugin's main assembly, plugins/&lt;Name&gt;/&lt;Name&gt;.dll.</summary>
    public static IReadOnlyList<string> PluginAssemblies { get; } = Directory.EnumerateDirectories(RepoLayout.HostPlugins)
        .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".dll"))
        .Where(File.Exists)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The assembly every TorchSharp plugin shares and ships in its own folder.</summary>
    public const string GanKitAssemblyName = "StyleForge.GanKit";
}
