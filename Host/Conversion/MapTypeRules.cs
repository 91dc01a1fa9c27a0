namespace StyleForge.Host.Conversion;

/// <summary>One file-name suffix that marks a texture as data rather than colour, and what kind of map it is.</summary>
/// <param name="Suffix">Matched at the end of the name before the extension, ignoring case, for example "_n".</param>
/// <param name="MapType">For people, for example "normal map".</param>
internal sealed record SkipSuffix(string Suffix, string MapType);

/// <summary>
/// Decides which textures are colour maps. Normal, roughness, metallic, AO, height, mask and packed
/// ORM maps hold data, not colour: stylizing them would break shading, so they are skipped by name.
/// </summary>
internal sealed class MapTypeRules
{
    /// <summary>The common suffixes of game texture pipelines (Unreal, Unity, Substance exports).</summary>
    public static readonly IReadOnlyList<SkipSuffix> Defaults = new SkipSuffix[]
    {
        new("_n", "normal map"),
        new("_normal", "normal map"),
        new("_nrm", "normal map"),
        new("_r", "roughness map"),
        new("_rough", "roughness map"),
        new("_m", "metallic map"),
        new("_metal", "metallic map"),
        new("_ao", "ambient occlusion map"),
        new("_h", "height map"),
        new("_height", "height map"),
        new("_orm", "packed occlusion/roughness/metallic map"),
        new("_mask", "mask"),
    };

    private readonly IReadOnlyList<SkipSuffix> _suffixes;

    public MapTypeRules(IEnumerable<SkipSuffix> suffixes) =>
        // Longest first, so "_normal" names the map before a shorter suffix could.
        _suffixes = suffixes.OrderByDescending(s => s.Suffix.Length).ToList();

    public static MapTypeRules Default { get; } = new(Defaults);

    public static MapTypeRules None { get; } = new(Array.Empty<SkipSuffix>());

    public IReadOnlyList<SkipSuffix> Suffixes => _suffixes;

    /// <summary>
    /// Builds the table from user entries: "SUFFIX" or "SUFFIX=map type"; a known suffix keeps its
    /// map type. Throws <see cref="ArgumentException"/> for an entry that is not a suffix.
    /// </summary>
    public static MapTypeRules Parse(IEnumerable<string> entries)
    {
        var suffixes = new List<SkipSuffix>();
        foreach (var entry in entries)
        {
            var equals = entry.IndexOf('=');
            var suffix = (equals < 0 ? entry : entry[..equals]).Trim();
            if (suffix.Length == 0 || suffix.Contains('/') || suffix.Contains('.'))
            {
                throw new ArgumentException($"skip suffix '{entry}' must be a name ending such as _n or _spec=specular map (no folders, no extension)");
            }
            var mapType = equals >= 0 ? entry[(equals + 1)..].Trim()
                : Defaults.FirstOrDefault(d => string.Equals(d.Suffix, suffix, StringComparison.OrdinalIgnoreCase))?.MapType ?? "configured skip suffix";
            suffixes.Add(new SkipSuffix(suffix, mapType));
        }
        return new MapTypeRules(suffixes);
    }

    /// <summary>Why the file is not a colour map, or null when it is one.</summary>
    public string? SkipReason(string relativePath)
    {
        var name = Path.GetFileNameWithoutExtension(relativePath);
        var match = _suffixes.FirstOrDefault(s => name.EndsWith(s.Suffix, StringComparison.OrdinalIgnoreCase) && name.Length > s.Suffix.Length);
        return match is null ? null : $"{match.MapType} (name ends with {match.Suffix})";
    }
}
