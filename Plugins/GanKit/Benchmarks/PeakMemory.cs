namespace StyleForge.Plugins.GanKit.Benchmarks;

/// <summary>The process's peak resident memory, as the kernel counts it: everything libtorch and .NET ever held at once.</summary>
internal static class PeakMemory
{
    /// <summary>VmHWM from /proc/self/status in bytes, or null where the file does not exist (not Linux).</summary>
    public static long? HighWaterMarkBytes()
    {
        const string StatusFile = "/proc/self/status";
        if (!File.Exists(StatusFile))
        {
            return null;
        }
        var line = File.ReadLines(StatusFile).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
    }
}
