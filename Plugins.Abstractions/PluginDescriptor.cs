namespace StyleForge.Plugins;

/// <summary>What a plugin is and which options it accepts.</summary>
/// <param name="Name">Short lower-case name used in pipelines, for example "cyclegan".</param>
/// <param name="Version">The plugin's own version, for people.</param>
/// <param name="ApiVersion">The contract version the plugin was built against; use <see cref="PluginApi.Current"/>.</param>
/// <param name="Description">One sentence saying what the plugin does.</param>
/// <param name="Options">Every option the plugin accepts; the host rejects any other.</param>
public sealed record PluginDescriptor(
    string Name,
    string Version,
    PluginApiVersion ApiVersion,
    string Description,
    IReadOnlyList<PluginOption> Options);
