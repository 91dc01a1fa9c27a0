namespace StyleForge.Host.Conversion;

/// <summary>Which files of the input tree a conversion looks at: any include glob (all files when none), minus every exclude glob.</summary>
internal sealed class FileSelection
{
    private readonly IReadOnlyList<GlobPattern> _include;
    private readonly IReadOnlyList<GlobPattern> _exclude;

    public FileSelection(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        _include = include.Select(GlobPattern.Parse).ToList();
        _exclude = exclude.Select(GlobPattern.Parse).ToList();
    }

    public bool Selects(string relativePath) =>
        (_include.Count == 0 || _include.Any(g => g.Matches(relativePath))) && !_exclude.Any(g => g.Matches(relativePath));
}
