namespace StyleForge.Host.Runs;

/// <summary>
/// Writes files so that a kill at any moment leaves either the old file or the complete new one:
/// write to a temporary sibling, flush to disk, then rename over the target.
/// </summary>
internal static class AtomicFile
{
    public const string TemporarySuffix = ".sf-partial";

    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + TemporarySuffix;
        // CreateNew (O_EXCL) never opens through a link someone planted at the temporary name; what a killed run left is removed first.
        File.Delete(temporary);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));
}
