namespace StyleForge.Engine.Conversion;

/// <summary>
/// Where a path really leads: every symbolic link on the way, in the last segment or any ancestor, is
/// followed to its final target, the way realpath(3) does. Segments that do not exist yet are kept as
/// written, so an output folder that a run is about to create still resolves.
/// </summary>
public static class RealPath
{
    /// <summary>The limit Linux puts on links followed in one lookup (ELOOP after 40).</summary>
    private const int MaxLinks = 40;

    /// <summary>Real paths compare ignoring case where the usual file systems do.</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The resolved absolute path; throws <see cref="IOException"/> naming the path when links loop.</summary>
    public static string Resolve(string path)
    {
        // Not Path.GetFullPath: it removes "a/.." by text, which is wrong when "a" is a link.
        var full = Path.IsPathFullyQualified(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var current = Path.GetPathRoot(full)!;
        var pending = new LinkedList<string>(Segments(full[current.Length..]));
        var links = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            var segment = first.Value;
            if (segment == ".")
            {
                continue;
            }
            if (segment == "..")
            {
                // The parent of a path that holds no links is its lexical parent.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, segment);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                throw new IOException($"{path}: more than {MaxLinks} symbolic links on the way, probably a loop of links");
            }
            // The target's own segments are resolved in turn: a relative target starts from the link's folder.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            foreach (var part in Segments(target).Reverse())
            {
                pending.AddFirst(part);
            }
        }
        return Path.TrimEndingDirectorySeparator(current);
    }

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or below it, both already resolved.</summary>
    public static bool IsSameOrInside(string inner, string outer) =>
        string.Equals(inner, outer, Comparison)
        || inner.StartsWith(Path.TrimEndingDirectorySeparator(outer) + Path.DirectorySeparatorChar, Comparison);

    private static string[] Segments(string path) =>
        path.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
}
