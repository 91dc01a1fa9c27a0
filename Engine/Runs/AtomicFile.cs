namespace StyleForge.Engine.Runs;

/// <summary>
/// Writes files so that a kill at any moment leaves either the old file or the complete new one:
/// write to a temporary sibling, flush to disk, then rename over the target.
/// </summary>
public static class AtomicFile
{
    public const string TemporarySuffix = ".sf-partial";

    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> writes. An existing file keeps
    /// its permissions (a group-writable texture on a shared volume stays group-writable); a read-only
    /// one is refused with <see cref="UnauthorizedAccessException"/>, because a rename would replace it
    /// silently although someone marked it not to be changed.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var keptMode = ExistingMode(path);
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
            if (keptMode is { } mode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, mode);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The Unix mode to give the replacement, null for a new file or on Windows; throws for a read-only file.</summary>
    private static UnixFileMode? ExistingMode(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        if (OperatingSystem.IsWindows())
        {
            return File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly) ? throw ReadOnly(path, "read-only attribute") : null;
        }
        var mode = File.GetUnixFileMode(path);
        return mode.HasFlag(UnixFileMode.UserWrite) ? mode : throw ReadOnly(path, $"mode {System.Convert.ToString((int)mode, 8).PadLeft(4, '0')}");
    }

    private static UnauthorizedAccessException ReadOnly(string path, string why) =>
        new($"{path} is read-only ({why}); it is not replaced. Make it writable (chmod u+w) or delete it to write it again");

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));
}
