using System.Diagnostics;

namespace StyleForge.Conversion.Tests;

/// <summary>Runs a system tool (kill, mount, umount) the way a user or a job runner would, for tests that need the real thing.</summary>
internal static class SystemTool
{
    /// <summary>Runs <paramref name="program"/> to the end and returns its exit code; stderr is captured so a refusal stays out of the test log.</summary>
    public static int Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
