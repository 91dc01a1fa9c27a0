using System.Diagnostics;
using System.Text.Json;

namespace StyleForge.Host.Conversion;

/// <summary>Who holds an output lock: written into the lock file so a refused run can say whom it waits for.</summary>
/// <param name="Pid">Process id of the holder.</param>
/// <param name="Host">Machine name of the holder; a process id means nothing on another host.</param>
/// <param name="StartedUtc">When the holder took the lock.</param>
/// <param name="Shard">The holder's shard, I/N (1/1 for a whole-tree run).</param>
internal sealed record LockHolder(int Pid, string Host, DateTime StartedUtc, string Shard);

/// <summary>
/// One writer per output tree. Two runs into one output each saved their own manifest over the
/// other's, so the tree mixed their results while the manifest vouched for one set of options. A
/// run therefore creates a lock file in the output folder with <see cref="FileMode.CreateNew"/>
/// (atomic: exactly one creator wins), then looks for other locks it conflicts with. Shard I of N
/// locks only its shard (<c>.styleforge-lock.shard-I-of-N.json</c>): shards of one N write disjoint
/// files and their own manifests. A whole-tree run conflicts with every other lock; a shard with a
/// whole-tree run, with the same shard and with shards of another N, whose files overlap its own.
/// When two runs take their files at the same moment both see each other and both refuse, which is
/// safe. A lock whose process is gone from this host is stale and is taken over with a warning.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    public const string FilePrefix = ".styleforge-lock";

    private readonly string _path;

    private OutputLock(string path) => _path = path;

    public static string FileName(ShardSpec shard) =>
        shard.IsWhole ? FilePrefix + ".json" : $"{FilePrefix}.shard-{shard.Index}-of-{shard.Count}.json";

    /// <summary>Takes this run's lock; throws <see cref="ConversionSetupException"/> naming the holder when another run writes the tree.</summary>
    public static OutputLock Take(string outputRoot, ShardSpec shard, Action<string> warn)
    {
        Directory.CreateDirectory(outputRoot);
        var path = Path.Combine(outputRoot, FileName(shard));
        var me = new LockHolder(Environment.ProcessId, Environment.MachineName, DateTime.UtcNow, shard.ToString());
        if (!TryCreate(path, me))
        {
            RefuseOrClear(path, warn);
            if (!TryCreate(path, me))
            {
                // Another run took it over between our look and our second try.
                RefuseOrClear(path, warn);
                throw new ConversionSetupException($"the lock {path} was taken by another run while this one started; try again");
            }
        }
        var taken = new OutputLock(path);
        try
        {
            foreach (var other in Directory.EnumerateFiles(outputRoot, FilePrefix + "*.json"))
            {
                if (other != path && Conflicts(shard, Path.GetFileName(other)))
                {
                    RefuseOrClear(other, warn);
                }
            }
        }
        catch
        {
            taken.Dispose();
            throw;
        }
        return taken;
    }

    public void Dispose() => File.Delete(_path);

    private static bool TryCreate(string path, LockHolder me)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            JsonSerializer.Serialize(stream, me, JsonOptions.Indented);
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>Deletes a stale lock with a warning; throws naming the holder of a live (or unreadable) one.</summary>
    private static void RefuseOrClear(string path, Action<string> warn)
    {
        LockHolder? holder;
        try
        {
            holder = JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path), JsonOptions.Indented);
        }
        catch (FileNotFoundException)
        {
            return;
        }
        catch (JsonException)
        {
            // Also what a lock looks like for the moment between its creation and its first write.
            throw new ConversionSetupException(
                $"the output folder is locked by {path}, which cannot be read; another run may be starting. If no styleforge run writes this folder, delete the lock file and run again");
        }
        if (holder is not null && IsStale(holder))
        {
            warn($"taking over the stale lock {path}: process {holder.Pid} on {holder.Host}, started {holder.StartedUtc:u}, is no longer running");
            File.Delete(path);
            return;
        }
        throw new ConversionSetupException(holder is null
            ? $"the output folder is locked by {path}; if no styleforge run writes this folder, delete the lock file and run again"
            : $"the output folder is being written by another run: process {holder.Pid} on host {holder.Host}, shard {holder.Shard}, since {holder.StartedUtc:u} (lock file {path}). "
              + "Wait for it to finish; if that process is gone, delete the lock file and run again");
    }

    /// <summary>A holder on this host whose process has exited, or whose id now belongs to a process started after the lock.</summary>
    private static bool IsStale(LockHolder holder)
    {
        if (!string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(holder.Pid);
            // Two seconds of slack: the lock is written just after the process starts, and clocks are read separately.
            return process.HasExited || process.StartTime.ToUniversalTime() > holder.StartedUtc.AddSeconds(2);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static bool Conflicts(ShardSpec mine, string otherFileName)
    {
        if (mine.IsWhole || otherFileName == FileName(ShardSpec.Whole))
        {
            return true;
        }
        // Shards of the same N write disjoint files; a shard of another N shares files with this one.
        return !otherFileName.EndsWith($"-of-{mine.Count}.json", StringComparison.Ordinal);
    }
}
