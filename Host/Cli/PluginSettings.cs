using System.ComponentModel;
using Spectre.Console.Cli;
using StyleForge.Host.Catalog;

namespace StyleForge.Host.Cli;

/// <summary>Options shared by every verb that loads plugins.</summary>
internal class PluginSettings : CommandSettings
{
    [CommandOption("--plugins <DIR>")]
    [Description("Another folder to load plugins from (repeatable), in addition to plugins/ next to the host and STYLEFORGE_PLUGIN_PATH. Example: --plugins ~/my-plugins")]
    public string[] PluginDirectories { get; init; } = Array.Empty<string>();

    public PluginCatalog LoadCatalog() => PluginCatalog.Load(PluginSearchPath.Resolve(PluginDirectories));
}
