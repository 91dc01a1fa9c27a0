namespace StyleForge.Tests;

/// <summary>The repository's root folder (the one holding StyleForge.sln), found from a test's build output.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = System.IO.Path.GetDirectoryName(directory))
        {
            if (File.Exists(System.IO.Path.Combine(directory, "StyleForge.sln")))
            {
                return directory;
            }
        }
        throw new InvalidOperationException("StyleForge.sln not found above " + AppContext.BaseDirectory);
    }
}
