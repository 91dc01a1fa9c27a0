using StyleForge.Plugins;

namespace StyleForge.Engine.Conversion;

/// <summary>The spellings of <see cref="TranslationDirection"/> on the command line and in YAML: a2b and b2a.</summary>
public static class DirectionNames
{
    public static readonly IReadOnlyList<string> All = new[] { "a2b", "b2a" };

    public static TranslationDirection? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "a2b" => TranslationDirection.AToB,
        "b2a" => TranslationDirection.BToA,
        _ => null,
    };
}
