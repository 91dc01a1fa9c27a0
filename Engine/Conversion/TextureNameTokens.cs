using System.Text.RegularExpressions;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// Splits a texture's file name into the words naming conventions are built from, so one rule
/// matches <c>_nor_gl</c>, <c>-NorGL</c> and <c>NorGl</c> alike, and a resolution or format tail
/// (<c>_4k</c>, <c>_2048</c>, <c>-JPG</c>) does not hide the map type in front of it.
/// </summary>
public static partial class TextureNameTokens
{
    /// <summary>Words of a name: split at '_', '-', '.', spaces and camel-case humps ("NormalGL" is Normal, GL; "4K" stays whole).</summary>
    public static IReadOnlyList<string> Split(string name) =>
        Separators().Split(CamelHump().Replace(name, "_"))
            .Where(t => t.Length > 0)
            .ToList();

    /// <summary>The words of a name with its tail of resolution, size, number and image-format words removed.</summary>
    public static IReadOnlyList<string> WithoutTail(string name)
    {
        var tokens = Split(name).ToList();
        while (tokens.Count > 0 && IsTailWord(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
        return tokens;
    }

    /// <summary>The lower-case letters of the words, joined without separators: the form names and rules are compared in.</summary>
    public static string Key(IEnumerable<string> tokens) => string.Concat(tokens).ToLowerInvariant();

    /// <summary>
    /// Words exporters append after the map type: a resolution (4k, 2K, 512px, 2048x2048), a plain number
    /// (2048, a variant 01, a UDIM 1001), a level of detail (Megascans' LOD0) or the file format ambientCG
    /// and others put into names (JPG, PNG, EXR).
    /// </summary>
    private static bool IsTailWord(string token) => TailWord().IsMatch(token);

    // Between a lower-case letter and an upper-case one, and before the last capital of a run followed by a lower-case letter (GLNormal: GL, Normal).
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex CamelHump();

    [GeneratedRegex("[_\\-. ]+")]
    private static partial Regex Separators();

    [GeneratedRegex("^(?:[0-9]+[kK]|[0-9]+px|[0-9]+x[0-9]+|[0-9]+|lod[0-9]+|jpe?g|png|exr|tga|tiff?|webp|bmp|dds|hdr|ktx2?)$", RegexOptions.IgnoreCase)]
    private static partial Regex TailWord();
}
