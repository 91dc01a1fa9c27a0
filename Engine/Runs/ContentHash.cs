using System.IO.Hashing;
using System.Text;

namespace StyleForge.Engine.Runs;

/// <summary>XxHash128 fingerprints, as 32 hex digits, of what decides a converted texture: its source bytes, the model files and the effective options.</summary>
public static class ContentHash
{
    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash128.Hash(bytes));

    public static string OfFile(string path)
    {
        var hash = new XxHash128();
        using var stream = File.OpenRead(path);
        hash.Append(stream);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>Every file under the model folder, by relative path and content, skipping <paramref name="exclude"/> (an output folder inside the model folder would change the hash on every run).</summary>
    public static string OfModelDirectory(string directory, string? exclude)
    {
        var hash = new XxHash128();
        var root = Path.GetFullPath(directory);
        var skip = exclude is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(exclude)) + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => skip is null || !f.StartsWith(skip, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            hash.Append(Encoding.UTF8.GetBytes(relative + "\n"));
            using var stream = File.OpenRead(Path.Combine(root, relative));
            hash.Append(stream);
        }
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>Name/value pairs in a stable order, so the same options always give the same hash.</summary>
    public static string OfSettings(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var text = string.Join("\n", settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        return OfBytes(Encoding.UTF8.GetBytes(text));
    }
}
