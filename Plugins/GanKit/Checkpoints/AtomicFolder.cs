namespace StyleForge.Plugins.GanKit.Checkpoints;

/// <summary>
/// Writes a folder so that it is complete or absent: its contents go into a hidden partial sibling, which is renamed
/// to the final name in one step. A writer that throws leaves nothing behind. Checkpoints and snapshots are written
/// this way.
/// </summary>
internal static class AtomicFolder
{
    /// <summary>The prefix of a folder being written; one left by a killed process is debris.</summary>
    public const string PartialPrefix = ".partial-";

    /// <summary>
    /// Fills a fresh partial folder with <paramref name="writeContents"/>, then renames it to <paramref name="final"/>,
    /// replacing a folder of that name and any partial one a killed process left.
    /// </summary>
    public static void Write(string final, Action<string> writeContents)
    {
        var partial = Path.Combine(Path.GetDirectoryName(final)!, PartialPrefix + Path.GetFileName(final));
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }
        Directory.CreateDirectory(partial);
        try
        {
            writeContents(partial);
        }
        catch
        {
            Directory.Delete(partial, recursive: true);
            throw;
        }
        if (Directory.Exists(final))
        {
            Directory.Delete(final, recursive: true);
        }
        Directory.Move(partial, final);
    }
}
