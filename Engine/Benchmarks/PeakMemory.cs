using System.Globalization;

namespace StyleForge.Engine.Benchmarks;

/// <summary>
/// The process's peak resident set size (VmHWM) from /proc/self/status, with a reset so each measurement covers one phase.
/// GanKit keeps a copy for the plugins' benchmarks (a plugin sees only the contract); both give MiB under the same name,
/// and benchmarks report it as peak_rss_mib.
/// </summary>
public static class PeakMemory
{
    /// <summary>Peak RSS in MiB (1024 x 1024 bytes), or null where /proc is not available (not Linux).</summary>
    public static double? HighWaterMarkMebibytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }
        var kib = long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    /// <summary>
    /// Resets the peak to the current RSS (writing 5 to /proc/self/clear_refs, Linux 4.0+). Returns
    /// false when the kernel refuses; the peak is then the whole process's so far.
    /// </summary>
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
