namespace StyleForge.Viewer.Tests;

/// <summary>Finds files of the source tree from the test output folder.</summary>
internal static class RepositoryFiles
{
    public static string ShaderFolder { get; } = Find(Path.Combine("Viewer", "Shaders"));

    public static string ViewerDoc { get; } = Path.Combine(Find("docs"), "viewer.md");

    private static string Find(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (Directory.Exists(candidate) && Directory.Exists(Path.Combine(folder.FullName, "Viewer")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No {relative} above {AppContext.BaseDirectory}.");
    }
}
