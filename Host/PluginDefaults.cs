using System.Reflection;

namespace StyleForge.Host;

/// <summary>
/// The plugins the front ends use when a user names none. They are declared in Plugins/InTreePlugins.props
/// (DefaultTrainerPlugin, BaselinePlugin) and stamped into this assembly at build time, so the host's code names no
/// plugin (Tests/Architecture.Tests checks that) and a build with other in-tree plugins changes the defaults in one place.
/// </summary>
internal static class PluginDefaults
{
    /// <summary>Trains in <c>styleforge train</c> and <c>bench convert</c> without --plugin, and in a pipeline's train step without <c>plugin:</c>.</summary>
    public static string Trainer { get; } = Read("StyleForge.DefaultTrainerPlugin");

    /// <summary>The trained baseline the evaluate step scores the model against, beside the identity.</summary>
    public static string Baseline { get; } = Read("StyleForge.BaselinePlugin");

    private static string Read(string key) =>
        typeof(PluginDefaults).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The host was built without {key}; Plugins/InTreePlugins.props declares it.");
}
