using System.ComponentModel;
using Spectre.Console.Cli;
using StyleForge.Engine.Catalog;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Cli;

/// <summary>Options shared by every verb that loads plugins.</summary>
internal class PluginSettings : CommandSettings
{
    [CommandOption("--plugins <DIR>")]
    [Description("Another folder to load plugins from (repeatable): a plugin folder, a folder of plugin folders, or a build or publish output; in addition to plugins/ next to the host and STYLEFORGE_PLUGIN_PATH. Example: --plugins ~/my-plugins")]
    public string[] PluginDirectories { get; init; } = Array.Empty<string>();

    [CommandOption("--verbose")]
    [Description("Show the stack trace behind a plugin's failure, for plugin authors. Example: --verbose")]
    public bool Verbose { get; init; }

    /// <summary>
    /// Loads the catalog. A --plugins folder that does not exist is bad usage (exit 2); a folder that
    /// exists but holds no plugin, or a missing STYLEFORGE_PLUGIN_PATH entry, is a warning, since the
    /// other plugins may be all the command needs.
    /// </summary>
    public PluginCatalog LoadCatalog(HostConsole console)
    {
        // Every verb that runs plugin code loads the catalog first, so this is where --verbose takes effect.
        console.Verbose = Verbose;
        var roots = PluginSearchPath.Resolve(PluginDirectories);
        foreach (var missing in roots.Where(r => r.Origin == PluginRoot.Flag && !Directory.Exists(r.Path)))
        {
            throw new UsageException($"--plugins {missing.Path}: folder not found");
        }
        var catalog = PluginCatalog.Load(roots);
        foreach (var missing in catalog.MissingRoots.Where(r => r.Origin == PluginSearchPath.EnvironmentVariable))
        {
            console.Warn($"{missing.Path} ({PluginSearchPath.EnvironmentVariable}): folder not found");
        }
        foreach (var empty in catalog.EmptyRoots)
        {
            console.Warn(empty);
        }
        return catalog;
    }
}
