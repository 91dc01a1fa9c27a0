using System.Globalization;
using System.Runtime.InteropServices;

namespace StyleForge.Plugins.GanKit.Runtime;

/// <summary>
/// Chooses how libtorch's OpenMP threads wait between parallel regions, once per process, before libtorch loads.
/// Measured here (2 cores, one 64 px ngf 32 / 6-block iteration with 2 threads, docs/benchmarks.md):
/// <list type="bullet">
/// <item>idle machine: spinning up to 100000 turns before sleeping 393 ms, passive waiting 584 ms;</item>
/// <item>machine with two other busy processes: spinning 10 s, passive 0.9 s, because a spinning thread burns the
/// time slice its preempted partner needs.</item>
/// </list>
/// So the plugin spins only when the rest of the machine is idle as it starts, and waits passively otherwise.
/// OMP_WAIT_POLICY or GOMP_SPINCOUNT set by the user always win.
/// </summary>
internal static class OpenMpWaitPolicy
{
    private const string SpinCount = "100000";

    // Other processes may use this much of one core, on average over the sample, for the machine to count as idle.
    private const double IdleThresholdCores = 0.25;

    private static readonly object Gate = new();
    private static string? _choice;

    /// <summary>
    /// Decides the policy on first call and sets it in the native environment; later calls return the first
    /// decision, since libgomp reads its settings once when it loads. Returns a sentence for the run log.
    /// </summary>
    public static string Apply()
    {
        lock (Gate)
        {
            return _choice ??= Decide();
        }
    }

    private static string Decide()
    {
        var policy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        var spin = Environment.GetEnvironmentVariable("GOMP_SPINCOUNT");
        if (policy is not null || spin is not null)
        {
            return $"OpenMP waits as the environment says (OMP_WAIT_POLICY={policy ?? "unset"}, GOMP_SPINCOUNT={spin ?? "unset"})";
        }
        if (OperatingSystem.IsWindows())
        {
            // libc's setenv does not exist here, and libtorch's Windows build reads its own settings.
            return "OpenMP waits as libtorch's default (set OMP_WAIT_POLICY before starting to change it)";
        }
        if (!OperatingSystem.IsLinux())
        {
            // Without /proc to tell an idle machine from a busy one, take the choice that is never pathological.
            SetNative("OMP_WAIT_POLICY", "PASSIVE");
            return "OpenMP threads wait passively (set OMP_WAIT_POLICY=ACTIVE on a dedicated machine for speed)";
        }
        var others = MachineLoad.OtherProcessesCores(TimeSpan.FromMilliseconds(150), samples: 3);
        if (others is double busy && busy < IdleThresholdCores)
        {
            SetNative("GOMP_SPINCOUNT", SpinCount);
            return string.Create(CultureInfo.InvariantCulture,
                $"OpenMP threads spin before sleeping: the machine is idle ({busy:F2} cores busy elsewhere); set OMP_WAIT_POLICY=PASSIVE if it will not stay so");
        }
        SetNative("OMP_WAIT_POLICY", "PASSIVE");
        return others is double load
            ? string.Create(CultureInfo.InvariantCulture, $"OpenMP threads wait passively: other processes keep {load:F2} cores busy")
            : "OpenMP threads wait passively: the machine's load could not be read";
    }

    private static void SetNative(string name, string value)
    {
        // .NET's Environment.SetEnvironmentVariable does not reach native code on Unix, hence libc's setenv.
        _ = SetEnvironment(name, value, overwrite: 0);
    }

    // DllImport rather than LibraryImport: the generated marshaller needs unsafe code, which the project does not allow.
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(string name, string value, int overwrite);
}
