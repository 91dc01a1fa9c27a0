using System.Globalization;

namespace StyleForge.Plugins.CycleGan.Runtime;

/// <summary>How busy the rest of a Linux machine is, from /proc: all CPU time spent over a short window minus this process's own.</summary>
internal static class MachineLoad
{
    /// <summary>
    /// The average number of cores other processes kept busy during <paramref name="window"/>, or null when /proc
    /// cannot be read.
    /// </summary>
    public static double? OtherProcessesCores(TimeSpan window)
    {
        try
        {
            var (busyBefore, _) = ReadMachineTicks();
            var selfBefore = ReadOwnTicks();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Thread.Sleep(window);
            var (busyAfter, _) = ReadMachineTicks();
            var selfAfter = ReadOwnTicks();
            var seconds = clock.Elapsed.TotalSeconds;
            var othersTicks = Math.Max(0, busyAfter - busyBefore - (selfAfter - selfBefore));
            return othersTicks / TicksPerSecond / seconds;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    // USER_HZ, which the kernel fixes at 100 for /proc on every common architecture.
    private const double TicksPerSecond = 100;

    /// <summary>Busy and idle ticks summed over all cores, from the first line of /proc/stat.</summary>
    private static (long Busy, long Idle) ReadMachineTicks()
    {
        using var reader = new StreamReader("/proc/stat");
        var fields = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal ...
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        var idle = Field(4) + Field(5);
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        return (busy, idle);
    }

    /// <summary>User plus system ticks of this process, fields 14 and 15 of /proc/self/stat.</summary>
    private static long ReadOwnTicks()
    {
        var text = File.ReadAllText("/proc/self/stat");
        // The command name may hold spaces; the fields after it start past its closing parenthesis.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
