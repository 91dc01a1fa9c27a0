namespace StyleForge.Engine.Conversion;

/// <summary>
/// Decides which textures are colour maps. Normal, roughness, metallic, AO, height, mask, opacity,
/// emissive and packed maps hold data, not colour: stylizing them would break shading, so they are
/// skipped by name. The rules match the last words of the name after any resolution or format tail
/// (<c>rock_nor_gl_4k</c>, <c>Bricks059_1K-JPG_NormalGL</c>); the longest matching ending wins,
/// and a name no rule matches is treated as colour, as before the table existed.
/// </summary>
public sealed class MapTypeRules
{
    private readonly IReadOnlyList<MapTypeRule> _rules;
    private readonly int _longest;

    public MapTypeRules(IEnumerable<MapTypeRule> rules)
    {
        _rules = rules.ToList();
        _longest = _rules.Count == 0 ? 0 : _rules.Max(r => r.Words);
    }

    public static MapTypeRules Default { get; } = new(MapTypeTable.Rules);

    public static MapTypeRules None { get; } = new(Array.Empty<MapTypeRule>());

    public IReadOnlyList<MapTypeRule> Rules => _rules;

    /// <summary>
    /// Builds a table of data-map rules from user entries, "SUFFIX" or "SUFFIX=map type", replacing the
    /// defaults; a suffix the default table knows keeps its map type. Throws <see cref="ArgumentException"/>
    /// for an entry that is not a suffix.
    /// </summary>
    public static MapTypeRules Parse(IEnumerable<string> entries)
    {
        var rules = new List<MapTypeRule>();
        foreach (var entry in entries)
        {
            var equals = entry.IndexOf('=');
            var suffix = (equals < 0 ? entry : entry[..equals]).Trim();
            if (suffix.Contains('/') || suffix.Contains('.') || TextureNameTokens.Split(suffix).Count == 0)
            {
                throw new ArgumentException($"skip suffix '{entry}' must be a name ending such as _n or _spec=specular map (no folders, no extension)");
            }
            var rule = new MapTypeRule(suffix, "configured skip suffix", MapKind.Data, "--skip-suffix");
            var known = MapTypeTable.Rules.FirstOrDefault(d => d.Key == rule.Key && d.Kind == MapKind.Data);
            rules.Add(rule with { MapType = equals >= 0 ? entry[(equals + 1)..].Trim() : known?.MapType ?? rule.MapType });
        }
        return new MapTypeRules(rules);
    }

    /// <summary>The rule the file's name matches, colour or data, or null when none does.</summary>
    public MapTypeRule? Match(string relativePath)
    {
        var name = Path.GetFileNameWithoutExtension(relativePath);
        var words = TextureNameTokens.WithoutTail(name);
        // Longest ending first, so "_Mixed_AO" or "_BaseColor" names the map before "_AO" or "_Color" could.
        for (var count = Math.Min(_longest, words.Count - 1); count >= 1; count--)
        {
            var key = TextureNameTokens.Key(words.Skip(words.Count - count));
            var rule = _rules.FirstOrDefault(r => r.Key == key
                && (r.RequiredPrefix is null || name.StartsWith(r.RequiredPrefix, StringComparison.OrdinalIgnoreCase)));
            if (rule is not null)
            {
                return rule;
            }
        }
        return null;
    }
}
