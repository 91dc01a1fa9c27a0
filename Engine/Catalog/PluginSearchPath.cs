namespace StyleForge.Engine.Catalog;

/// <summary>A folder the catalog looks in, and why it looks there, for people.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Origin">Where the folder came from: "plugins/ next to the host", "--plugins" or the environment variable.</param>
public sealed record PluginRoot(string Path, string Origin)
{
    public const string InTree = "plugins/ next to the host";
    public const string Flag = "--plugins";
}

/// <summary>Where the catalog looks for plugin folders, in order.</summary>
public static class PluginSearchPath
{
    public const string EnvironmentVariable = "STYLEFORGE_PLUGIN_PATH";

    /// <summary>
    /// plugins/ next to the host first, then folders named by --plugins, then the environment
    /// variable (separated like PATH). A folder named twice is searched once, under its first origin.
    /// </summary>
    public static IReadOnlyList<PluginRoot> Resolve(IEnumerable<string> extraDirectories)
    {
        var roots = new List<PluginRoot> { new(Path.Combine(AppContext.BaseDirectory, "plugins"), PluginRoot.InTree) };
        roots.AddRange(extraDirectories.Select(d => new PluginRoot(Path.GetFullPath(d), PluginRoot.Flag)));
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            roots.AddRange(fromEnvironment
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(d => new PluginRoot(Path.GetFullPath(d), EnvironmentVariable)));
        }
        return roots.DistinctBy(r => r.Path, StringComparer.Ordinal).ToList();
    }
}
