using System.Globalization;

namespace StyleForge.Plugins.GanKit.Runtime;

/// <summary>How busy the rest of a Linux machine is, from /proc: all CPU time spent over a short window minus this process's own.</summary>
internal static class MachineLoad
{
    // USER_HZ, which the kernel fixes at 100 for /proc on every common architecture.
    private const double TicksPerSecond = 100;

    /// <summary>
    /// The number of cores other processes kept busy: the least of <paramref name="samples"/> averages over
    /// <paramref name="window"/> each, so a short burst (a build server winding down) does not count as load while a
    /// process that keeps a core busy does. Null when /proc cannot be read.
    /// </summary>
    public static double? OtherProcessesCores(TimeSpan window, int samples = 1)
    {
        try
        {
            var least = double.MaxValue;
            for (var i = 0; i < samples; i++)
            {
                least = Math.Min(least, Sample(window));
            }
            return least;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static double Sample(TimeSpan window)
    {
        var machineBefore = ReadMachineBusyTicks();
        var selfBefore = ReadOwnTicks();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Thread.Sleep(window);
        var machineAfter = ReadMachineBusyTicks();
        var selfAfter = ReadOwnTicks();
        var othersTicks = Math.Max(0, machineAfter - machineBefore - (selfAfter - selfBefore));
        return othersTicks / TicksPerSecond / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Busy ticks summed over all cores, from the first line of /proc/stat.</summary>
    private static long ReadMachineBusyTicks()
    {
        using var reader = new StreamReader("/proc/stat");
        var fields = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal ...
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        // Idle (4) and iowait (5) are not busy.
        return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
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
