using System.Reflection;

namespace StyleForge.Tests;

/// <summary>Where the repository and the built host (with its staged plugins) are, seen from a test.</summary>
internal static class RepoLayout
{
    public static string Root => RepoRoot.Path;

    public static string Configuration { get; } =
        typeof(RepoLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    /// <summary>The host build that this test project references.</summary>
    public static string HostBuild => Path.Combine(Root, "artifacts", "bin", "Host", Configuration.ToLowerInvariant());

    /// <summary>The built CLI, for tests that need a real child process: <c>dotnet HostDll ...</c>.</summary>
    public static string HostDll => Path.Combine(HostBuild, "styleforge.dll");

    /// <summary>plugins/ next to the host build that this test project references.</summary>
    public static string HostPlugins => Path.Combine(HostBuild, "plugins");
}
