namespace StyleForge.Engine.Conversion;

/// <summary>Which files of the input tree a conversion looks at: any include glob (all files when none), minus every exclude glob.</summary>
public sealed class FileSelection
{
    /// <summary>Every file: no include and no exclude glob.</summary>
    public static readonly FileSelection All = new(Array.Empty<string>(), Array.Empty<string>());

    private readonly IReadOnlyList<GlobPattern> _include;
    private readonly IReadOnlyList<GlobPattern> _exclude;

    /// <summary>Parses the globs; throws <see cref="ArgumentException"/> naming a malformed one.</summary>
    public FileSelection(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        _include = include.Select(GlobPattern.Parse).ToList();
        _exclude = exclude.Select(GlobPattern.Parse).ToList();
    }

    public bool Selects(string relativePath) =>
        (_include.Count == 0 || _include.Any(g => g.Matches(relativePath))) && !_exclude.Any(g => g.Matches(relativePath));
}
