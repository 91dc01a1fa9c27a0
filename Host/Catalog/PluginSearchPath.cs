namespace StyleForge.Host.Catalog;

/// <summary>Where the catalog looks for plugin folders, in order.</summary>
internal static class PluginSearchPath
{
    public const string EnvironmentVariable = "STYLEFORGE_PLUGIN_PATH";

    /// <summary>
    /// plugins/ next to the host first, then folders named by --plugins, then the environment
    /// variable (separated like PATH).
    /// </summary>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> extraDirectories)
    {
        var roots = new List<string> { Path.Combine(AppContext.BaseDirectory, "plugins") };
        roots.AddRange(extraDirectories.Select(Path.GetFullPath));
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            roots.AddRange(fromEnvironment
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath));
        }
        return roots.Distinct(StringComparer.Ordinal).ToList();
    }
}
