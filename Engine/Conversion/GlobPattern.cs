using System.Text;
using System.Text.RegularExpressions;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// A path glob as artists write them: <c>*</c> and <c>?</c> stay within one folder, <c>**</c> spans
/// folders, <c>[ab]</c> and <c>{png,tga}</c> choose. A pattern without '/' matches the file name in
/// any folder (like .gitignore); with '/' it matches the whole path relative to the input folder.
/// Matching ignores case, because texture trees often come from Windows.
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;
    private readonly bool _nameOnly;

    private GlobPattern(string text, Regex regex, bool nameOnly)
    {
        Text = text;
        _regex = regex;
        _nameOnly = nameOnly;
    }

    public string Text { get; }

    /// <summary>Compiles a glob; throws <see cref="ArgumentException"/> saying what is malformed.</summary>
    public static GlobPattern Parse(string text)
    {
        var pattern = text.Trim().Replace('\\', '/');
        if (pattern.Length == 0)
        {
            throw new ArgumentException("an empty glob matches nothing; remove it or write for example '**/*.png'");
        }
        var nameOnly = !pattern.Contains('/');
        pattern = pattern.TrimStart('/');
        var regex = new StringBuilder("^");
        var braces = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    // "**/" also matches no folder at all, so "**/*.png" matches "a.png".
                    regex.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        throw new ArgumentException($"glob '{text}' opens '[' without a closing ']'");
                    }
                    var set = pattern[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '{':
                    braces++;
                    regex.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    regex.Append(')');
                    break;
                case ',' when braces > 0:
                    regex.Append('|');
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        if (braces != 0)
        {
            throw new ArgumentException($"glob '{text}' opens '{{' without a closing '}}'");
        }
        regex.Append('$');
        return new GlobPattern(text, new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), nameOnly);
    }

    /// <summary>Whether the path (relative to the input folder, '/'-separated) matches.</summary>
    public bool Matches(string relativePath) =>
        _regex.IsMatch(_nameOnly ? relativePath[(relativePath.LastIndexOf('/') + 1)..] : relativePath);
}
