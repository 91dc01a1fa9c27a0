using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// One machine's share of a conversion: shard <see cref="Index"/> of <see cref="Count"/> (1-based),
/// chosen by a hash of each file's relative path, so N machines split a tree with no coordinator
/// and a file always lands on the same shard.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    public static ShardSpec Whole { get; } = new(1, 1);

    public bool IsWhole => Count == 1;

    /// <summary>Parses "I/N" with 1 &lt;= I &lt;= N; throws <see cref="ArgumentException"/> saying what to write.</summary>
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }
        throw new ArgumentException($"shard '{text}' must be I/N with 1 <= I <= N, for example 1/4 (shards are numbered from 1)");
    }

    /// <summary>The shard a relative path belongs to, 1-based. The path is compared as written, with '/' separators.</summary>
    public static int ShardOf(string relativePath, int count) =>
        (int)(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(relativePath.Replace('\\', '/'))) % (ulong)count) + 1;

    public bool Contains(string relativePath) => IsWhole || ShardOf(relativePath, Count) == Index;

    public override string ToString() => $"{Index}/{Count}";
}
