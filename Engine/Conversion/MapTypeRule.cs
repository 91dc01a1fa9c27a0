namespace StyleForge.Engine.Conversion;

/// <summary>Whether a map holds colour, which is stylized, or data that shading reads as numbers, which is left alone.</summary>
public enum MapKind
{
    Colour,
    Data,
}

/// <summary>
/// One naming rule: a name ending that marks a map type in some tool's or engine's convention.
/// Rules compare words, not characters (see <see cref="TextureNameTokens"/>), so "_nor_gl" also
/// matches "NorGL" and "nor-gl_4k".
/// </summary>
/// <param name="Suffix">The ending as the convention writes it, for example "_nor_gl" or "_NormalGL".</param>
/// <param name="MapType">For people, for example "normal map".</param>
/// <param name="Kind">Colour (stylized) or data (skipped).</param>
/// <param name="Convention">Where the name comes from, for example "Poly Haven"; shown with the match.</param>
public sealed record MapTypeRule(string Suffix, string MapType, MapKind Kind, string Convention)
{
    /// <summary>
    /// A name start the rule needs, or null. Unreal's single-letter suffixes (_A alpha, _E emissive, ...)
    /// count only after its <c>T_</c> prefix: elsewhere "Door_A" and "Door_B" are variants, not maps.
    /// </summary>
    public string? RequiredPrefix { get; init; }

    /// <summary>The suffix's words in comparison form ("_nor_gl" and "_NorGL" both give "norgl").</summary>
    public string Key { get; } = TextureNameTokens.Key(TextureNameTokens.Split(Suffix));

    /// <summary>How many words the suffix has: a name needs at least one more word in front of them.</summary>
    public int Words { get; } = TextureNameTokens.Split(Suffix).Count;

    /// <summary>The reason shown in the summary, dry run and manifest, for example "normal map (rule _nor_gl, Poly Haven)".</summary>
    public string Describe() => $"{MapType} (rule {Suffix}, {Convention})";
}
