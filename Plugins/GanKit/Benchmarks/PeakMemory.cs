namespace StyleForge.Plugins.GanKit.Benchmarks;

/// <summary>
/// The process's peak resident memory, as the kernel counts it: everything libtorch and .NET ever held at once. The host
/// engine has its own copy (StyleForge.Engine.Benchmarks.PeakMemory, which can also reset the peak): a plugin sees only
/// the contract. Both read VmHWM and give MiB under the same name, and benchmarks report it as peak_rss_mib.
/// </summary>
internal static class PeakMemory
{
    /// <summary>VmHWM from /proc/self/status in MiB (1024 x 1024 bytes), or null where the file does not exist (not Linux).</summary>
    public static double? HighWaterMarkMebibytes()
    {
        const string StatusFile = "/proc/self/status";
        if (!File.Exists(StatusFile))
        {
            return null;
        }
        var line = File.ReadLines(StatusFile).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
