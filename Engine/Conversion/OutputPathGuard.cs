namespace StyleForge.Engine.Conversion;

/// <summary>
/// Maps a texture's relative path into the output folder and refuses any result outside it:
/// "../" segments, rooted paths, and folders or files in the output tree that are symbolic links
/// (a link could point a write anywhere on disk), and an output folder that leads somewhere else
/// than when the run started (a link swapped in for the folder or one of its ancestors).
/// </summary>
public sealed class OutputPathGuard
{
    private readonly string _root;
    private readonly string _realRoot;

    public OutputPathGuard(string outputRoot)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputRoot));
        _realRoot = RealPath.Resolve(_root);
    }

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
        // SourceTreeGuard checked where the output folder really was; a write must still go there, never into the sources.
        var realRoot = RealPath.Resolve(_root);
        if (!string.Equals(realRoot, _realRoot, RealPath.Comparison))
        {
            throw new UnauthorizedAccessException(
                $"the output folder {_root} now leads to {realRoot}, not {_realRoot} as when the run started; refusing to write '{relativePath}' there");
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
