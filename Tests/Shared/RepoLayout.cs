using System.Reflection;

namespace StyleForge.Tests;

/// <summary>Where the repository and the built host (with its staged plugins) are, seen from a test.</summary>
internal static class RepoLayout
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(RepoLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    /// <summary>The host build that this test project references.</summary>
    public static string HostBuild => Path.Combine(Root, "artifacts", "bin", "Host", Configuration.ToLowerInvariant());

    /// <summary>The built CLI, for tests that need a real child process: <c>dotnet HostDll ...</c>.</summary>
    public static string HostDll => Path.Combine(HostBuild, "styleforge.dll");

    /// <summary>plugins/ next to the host build that this test project references.</summary>
    public static string HostPlugins => Path.Combine(HostBuild, "plugins");

    private static string FindRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "StyleForge.sln")))
            {
                return directory;
            }
        }
        throw new InvalidOperationException("StyleForge.sln not found above " + AppContext.BaseDirectory);
    }
}
