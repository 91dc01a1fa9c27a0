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

    /// <summary>The staged plugins, loaded for reading their types (nothing in them runs).</summary>
    public static IReadOnlyList<Assembly> Plugins { get; } = PluginAssemblies.Select(Assembly.LoadFile).ToList();

    /// <summary>The assembly the TorchSharp plugins share; each ships a copy in its own folder.</summary>
    public const string GanKitAssemblyName = "StyleForge.GanKit";

    /// <summary>One staged copy of GanKit, checked like a plugin.</summary>
    public static string GanKitAssembly { get; } = Directory.EnumerateFiles(RepoLayout.HostPlugins, GanKitAssemblyName + ".dll", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).First();
}
