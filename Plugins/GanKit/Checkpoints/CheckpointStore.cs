using System.Text.Json;

namespace StyleForge.Plugins.GanKit.Checkpoints;

/// <summary>
/// The checkpoints/ folder of a run. Each checkpoint is written into a hidden partial folder, renamed
/// to its final name in one step, and only then named by latest.json (itself replaced by a rename).
/// A kill at any moment therefore leaves latest.json naming a complete checkpoint. The latest and the
/// previous checkpoint are kept; older ones and abandoned partial folders are removed.
/// </summary>
internal sealed class CheckpointStore
{
    private const string PointerName = "latest.json";

    public CheckpointStore(string outputDirectory) => Root = Path.Combine(outputDirectory, "checkpoints");

    /// <summary>The checkpoints folder.</summary>
    public string Root { get; }

    /// <summary>The folder of the last complete checkpoint, or null when there is none.</summary>
    public string? Latest => ReadPointer()?.Latest is string name ? Path.Combine(Root, name) : null;

    /// <summary>
    /// Writes a checkpoint: <paramref name="writeContents"/> fills a fresh folder, which then becomes the
    /// latest checkpoint. Returns its folder.
    /// </summary>
    public string Save(long iteration, Action<string> writeContents)
    {
        Directory.CreateDirectory(Root);
        // The random suffix keeps a re-save of the same iteration from touching the folder latest.json names.
        var name = $"iter-{iteration:D8}-{Guid.NewGuid().ToString("N")[..8]}";
        var final = Path.Combine(Root, name);
        AtomicFolder.Write(final, writeContents);
        var previous = ReadPointer()?.Latest;
        WritePointer(new Pointer(name, previous));
        RemoveAllBut(name, previous);
        return final;
    }

    private Pointer? ReadPointer()
    {
        var path = Path.Combine(Root, PointerName);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Pointer>(File.ReadAllText(path), CheckpointJson.Options)
                ?? throw new JsonException("empty document");
        }
        catch (JsonException ex)
        {
            throw new PluginException($"{path} is unreadable ({ex.Message}); delete the checkpoints folder to start over, or train into a new --out.");
        }
    }

    private void WritePointer(Pointer pointer)
    {
        var path = Path.Combine(Root, PointerName);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, pointer, CheckpointJson.Options);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private void RemoveAllBut(string latest, string? previous)
    {
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (name != latest && name != previous)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>latest.json: the last complete checkpoint and the one before it.</summary>
    private sealed record Pointer(string Latest, string? Previous);
}
