using System.Runtime.InteropServices;

namespace StyleForge.Plugins.CycleGan.Benchmarks;

/// <summary>
/// Makes libtorch's OpenMP threads sleep instead of spinning while they wait. Measured here with two threads on
/// a machine shared with other builds: one 64 px training iteration took 87 s with the default (active) policy and
/// 1.9 s with the passive one, because a spinning thread burns the time slice its preempted partner needs.
/// </summary>
internal static class OpenMpWaitPolicy
{
    /// <summary>
    /// Sets OMP_WAIT_POLICY=PASSIVE in the native environment unless the user set it. libgomp reads it once when it
    /// loads, so this must run before the first TorchSharp call in the process. .NET's own
    /// Environment.SetEnvironmentVariable does not reach native code on Unix, hence libc's setenv.
    /// </summary>
    public static void PreferPassive()
    {
        if (OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null)
        {
            return;
        }
        _ = SetEnvironment("OMP_WAIT_POLICY", "PASSIVE", overwrite: 0);
    }

    // DllImport rather than LibraryImport: the generated marshaller needs unsafe code, which the project does not allow.
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(string name, string value, int overwrite);
}
