namespace StyleForge.Engine.Options;

/// <summary>Suggests the closest valid name for a misspelt key.</summary>
public static class NearestName
{
    /// <summary>The candidate within a small edit distance of <paramref name="name"/>, or null.</summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        // Up to a third of the name may differ: "iteratons" finds "iterations", "foo" finds nothing.
        return best is not null && bestDistance <= Math.Max(1, name.Length / 3) ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or empty.</summary>
    public static string Hint(string name, IEnumerable<string> candidates) =>
        Find(name, candidates) is { } match ? $" (did you mean '{match}'?)" : "";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
