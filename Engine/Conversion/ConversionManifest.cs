using System.Text.Json;
using StyleForge.Engine.Runs;

namespace StyleForge.Engine.Conversion;

/// <summary>What the manifest remembers of one converted texture.</summary>
/// <param name="SourceHash">XxHash128 of the source file's bytes.</param>
/// <param name="SourceSize">Source size in bytes: with the time below, a cheap first check before hashing.</param>
/// <param name="SourceModifiedUtc">Source last-write time.</param>
/// <param name="ModelHash">Hash of the model folder's files.</param>
/// <param name="OptionsHash">Hash of everything else that changes the output: plugin, direction, tiling, seamless, plugin options.</param>
/// <param name="ConvertedUtc">When it was converted; the newest entry wins when manifests are merged.</param>
public sealed record ManifestEntry(string SourceHash, long SourceSize, DateTime SourceModifiedUtc, string ModelHash, string OptionsHash, DateTime ConvertedUtc)
{
    /// <summary>The map-type rule that made the file a colour map, or that none matched; for people, never compared.</summary>
    public string? MapType { get; init; }
}

/// <summary>The plugin that converted, as the manifest names it.</summary>
/// <param name="Name">The plugin's name.</param>
/// <param name="Version">The version its descriptor declares.</param>
/// <param name="AssemblyHash">XxHash128 of its assembly file, which changes on a rebuild even when the version does not.</param>
public sealed record ManifestPlugin(string Name, string Version, string AssemblyHash);

/// <summary>
/// The record of converted files in an output folder. An unsharded run keeps
/// <c>.styleforge-manifest.json</c>; shard I of N keeps <c>.styleforge-manifest.shard-I-of-N.json</c>, so
/// shards never write the same file. Loading reads every manifest of the tree and keeps the newest
/// entry per file, which is how shard manifests merge.
/// </summary>
public sealed class ConversionManifest
{
    public const string FilePrefix = ".styleforge-manifest";

    private readonly Dictionary<string, ManifestEntry> _entries;
    private Dictionary<string, string> _notConverted = new(StringComparer.Ordinal);

    private ConversionManifest(Dictionary<string, ManifestEntry> entries) => _entries = entries;

    public IReadOnlyDictionary<string, ManifestEntry> Entries => _entries;

    public static string FileName(ShardSpec shard) =>
        shard.IsWhole ? FilePrefix + ".json" : $"{FilePrefix}.shard-{shard.Index}-of-{shard.Count}.json";

    public static bool IsManifestFile(string fileName) =>
        fileName.StartsWith(FilePrefix, StringComparison.Ordinal) && fileName.EndsWith(".json", StringComparison.Ordinal);

    public static ConversionManifest Empty() => new(new Dictionary<string, ManifestEntry>(StringComparer.Ordinal));

    /// <summary>Merges every manifest in the output folder. A damaged manifest is reported and ignored: its files are converted again.</summary>
    public static ConversionManifest LoadMerged(string outputRoot, Action<string> warn)
    {
        var merged = Empty();
        if (!Directory.Exists(outputRoot))
        {
            return merged;
        }
        foreach (var file in Directory.EnumerateFiles(outputRoot, FilePrefix + "*.json").Order(StringComparer.Ordinal))
        {
            Dictionary<string, ManifestEntry>? entries;
            try
            {
                entries = JsonSerializer.Deserialize<ManifestDocument>(File.ReadAllText(file), JsonOptions.Indented)?.Files;
            }
            catch (JsonException ex)
            {
                warn($"{file}: damaged manifest ignored, its files will be converted again ({ex.Message})");
                continue;
            }
            foreach (var (path, entry) in entries ?? new())
            {
                if (!merged._entries.TryGetValue(path, out var existing) || entry.ConvertedUtc > existing.ConvertedUtc)
                {
                    merged._entries[path] = entry;
                }
            }
        }
        return merged;
    }

    /// <summary>
    /// The plugin of the latest run, written for people reading the manifest: its name, version and
    /// assembly hash also go into every entry's options hash, which is what makes a rebuilt plugin reconvert.
    /// </summary>
    public ManifestPlugin? Plugin { get; set; }

    public ManifestEntry? Find(string relativePath) => _entries.GetValueOrDefault(relativePath);

    public void Record(string relativePath, ManifestEntry entry) => _entries[relativePath] = entry;

    /// <summary>
    /// This run's textures that were deliberately not converted, with the reason: data maps with the rule that
    /// matched, and unsupported formats. Only a record for people and scripts: every run decides them anew.
    /// </summary>
    public void RecordNotConverted(IReadOnlyDictionary<string, string> reasons) =>
        _notConverted = new Dictionary<string, string>(reasons, StringComparer.Ordinal);

    /// <summary>Adds one file found not convertible only when decoded (a TIFF with premultiplied alpha, a multi-page file).</summary>
    public void NoteNotConverted(string relativePath, string reason) => _notConverted[relativePath] = reason;

    /// <summary>Writes the entries <paramref name="belongs"/> accepts to this shard's manifest file, atomically.</summary>
    public void Save(string outputRoot, ShardSpec shard, Func<string, bool> belongs)
    {
        var files = _entries.Where(e => belongs(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var notConverted = _notConverted.Where(e => belongs(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        AtomicFile.WriteAllText(Path.Combine(outputRoot, FileName(shard)),
            JsonSerializer.Serialize(new ManifestDocument(1, shard.ToString(), files) { Plugin = Plugin, NotConverted = notConverted }, JsonOptions.Indented));
    }

    private sealed record ManifestDocument(int Version, string Shard, Dictionary<string, ManifestEntry> Files)
    {
        public ManifestPlugin? Plugin { get; init; }

        /// <summary>Written for people and scripts, never read back: added in version 1 without a version change since older readers ignore it.</summary>
        public Dictionary<string, string>? NotConverted { get; init; }
    }
}
