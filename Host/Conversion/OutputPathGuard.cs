namespace StyleForge.Host.Conversion;

/// <summary>
/// Maps a texture's relative path into the output folder and refuses any result outside it:
/// "../" segments, rooted paths, and folders or files in the output tree that are symbolic links
/// (a link could point a write anywhere on disk).
/// </summary>
internal sealed class OutputPathGuard
{
    private readonly string _root;

    public OutputPathGuard(string outputRoot) => _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputRoot));

    public string Root => _root;

    /// <summary>The absolute output path for <paramref name="relativePath"/>; throws <see cref="UnauthorizedAccessException"/> when it would leave the output folder.</summary>
    public string Resolve(string relativePath)
    {
        var normalized = relativePath.Replace('\\', '/');
        if (Path.IsPathRooted(normalized) || normalized.Split('/').Any(segment => segment is ".." or ""))
        {
            throw new UnauthorizedAccessException($"output path '{relativePath}' would leave the output folder {_root}; refusing to write it");
        }
        var full = Path.GetFullPath(Path.Combine(_root, normalized));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"output path '{relativePath}' resolves to {full}, outside the output folder {_root}; refusing to write it");
        }
        // Walk every existing entry below the root: a symlinked folder or file would redirect the write.
        var current = _root;
        foreach (var segment in Path.GetRelativePath(_root, full).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, segment);
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (entry.Exists && entry.LinkTarget is not null)
            {
                throw new UnauthorizedAccessException(
                    $"output path '{relativePath}' goes through the symbolic link {current} -> {entry.LinkTarget}; refusing to write through links in the output folder");
            }
            if (!entry.Exists)
            {
                break;
            }
        }
        return full;
    }
}
