using System.Diagnostics;
using System.Text.Json;

namespace StyleForge.Engine.Conversion;

/// <summary>Who holds an output lock: written into the lock file so a refused run can say whom it waits for.</summary>
/// <param name="Pid">Process id of the holder.</param>
/// <param name="Host">Machine name of the holder; a process id means nothing on another host.</param>
/// <param name="StartedUtc">When the holder took the lock.</param>
/// <param name="Shard">The holder's shard, I/N (1/1 for a whole-tree run).</param>
public sealed record LockHolder(int Pid, string Host, DateTime StartedUtc, string Shard);

/// <summary>
/// One writer per output tree. Two runs into one output each saved their own manifest over the
/// other's, so the tree mixed their results while the manifest vouched for one set of options. A
/// run therefore creates a lock file in the output folder with <see cref="FileMode.CreateNew"/>
/// (atomic: exactly one creator wins), then looks for other locks it conflicts with. Shard I of N
/// locks only its shard (<c>.styleforge-lock.shard-I-of-N.json</c>): shards of one N write disjoint
/// files and their own manifests. A whole-tree run conflicts with every other lock; a shard with a
/// whole-tree run, with the same shard and with shards of another N, whose files overlap its own.
/// When two runs take their files at the same moment both see each other and both refuse, which is
/// safe. A lock whose process is gone from this host is stale and is taken over with a warning; so
/// is a lock from another host whose holder stopped refreshing it, since a retried shard usually
/// lands on another machine or pod than the one that was killed.
/// </summary>
public sealed class OutputLock : IDisposable
{
    public const string FilePrefix = ".styleforge-lock";

    /// <summary>How often the holder touches its lock file, to show other hosts it is alive.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    /// <summary>Ten missed heartbeats: enough for clock skew between hosts and a busy shared file system.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private const int UnreadableRetries = 20;

    private readonly string _path;
    private readonly LockHolder _holder;
    private readonly Timer _heartbeat;

    private OutputLock(string path, LockHolder holder)
    {
        _path = path;
        _holder = holder;
        _heartbeat = new Timer(_ => Touch(), null, Heartbeat, Heartbeat);
    }

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
        var taken = new OutputLock(path, me);
        try
        {
            foreach (var other in Directory.EnumerateFiles(outputRoot, FilePrefix + "*.json"))
            {
                if (other != path && Conflicts(shard, Path.GetFileName(other)))
                {
                    RefuseOrClear(other, warn);
                }
            }
            // Two runs that took over the same stale lock at once may have deleted each other's new one: only the run whose lock survived goes on.
            if (ReadHolder(path) != me)
            {
                throw new ConversionSetupException($"another run took over the lock {path} at the same moment as this one; try again");
            }
        }
        catch
        {
            taken.Dispose();
            throw;
        }
        return taken;
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        try
        {
            // Only our own: a run that took over a lock it thought stale must not lose it to us.
            if (ReadHolder(_path) == _holder)
            {
                File.Delete(_path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind, the lock names a process that has ended, so the next run on this host takes it over.
        }
    }

    private void Touch()
    {
        try
        {
            File.SetLastWriteTimeUtc(_path, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A missed beat only makes the lock look older to other hosts; the next one tries again.
        }
    }

    private static LockHolder? ReadHolder(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path), JsonOptions.Indented);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    private static bool TryCreate(string path, LockHolder me)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            try
            {
                JsonSerializer.Serialize(stream, me, JsonOptions.Indented);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // Created but not written (disk full): an empty lock would block the next run for nothing.
                stream.Dispose();
                File.Delete(path);
                throw;
            }
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConversionSetupException(
                $"cannot create the lock file {path}: {ex.Message}; the output folder must be writable and have free space");
        }
    }

    /// <summary>Deletes a stale lock with a warning; throws naming the holder of a live (or unreadable) one.</summary>
    private static void RefuseOrClear(string path, Action<string> warn)
    {
        LockHolder? holder = null;
        // A lock is empty for the moment between its creation and its first write: look again for a second before calling it damaged.
        for (var attempt = 0; holder is null; attempt++)
        {
            try
            {
                holder = JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path), JsonOptions.Indented)
                    ?? throw new JsonException("the lock file holds null");
            }
            catch (FileNotFoundException)
            {
                return;
            }
            catch (JsonException) when (attempt < UnreadableRetries)
            {
                Thread.Sleep(50);
            }
            catch (JsonException)
            {
                throw new ConversionSetupException(
                    $"the output folder is locked by {path}, which cannot be read; another run may be starting. If no styleforge run writes this folder, delete the lock file and run again");
            }
        }
        if (IsStale(holder, File.GetLastWriteTimeUtc(path)))
        {
            var why = string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase)
                ? "is no longer running"
                : $"has not refreshed the lock for more than {StaleAfter.TotalMinutes:0} minutes";
            warn($"taking over the stale lock {path}: process {holder.Pid} on {holder.Host}, started {holder.StartedUtc:u}, {why}");
            File.Delete(path);
            return;
        }
        throw new ConversionSetupException(
            $"the output folder is being written by another run: process {holder.Pid} on host {holder.Host}, shard {holder.Shard}, since {holder.StartedUtc:u} (lock file {path}). "
              + $"Wait for it to finish; a lock from another host that is not refreshed for {StaleAfter.TotalMinutes:0} minutes is taken over, or delete the lock file if that process is gone");
    }

    /// <summary>
    /// On this host: the process has exited, or its id now belongs to a process started after the lock.
    /// On another host, where the process cannot be asked: the lock file missed ten heartbeats.
    /// </summary>
    private static bool IsStale(LockHolder holder, DateTime touchedUtc)
    {
        if (!string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return DateTime.UtcNow - touchedUtc > StaleAfter;
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
