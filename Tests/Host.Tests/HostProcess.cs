using System.Diagnostics;

namespace StyleForge.Host.Tests;

/// <summary>Runs a program (the built CLI, or a wrapper such as xvfb-run around it) as a real child process.</summary>
internal static class HostProcess
{
    /// <summary>Runs <paramref name="program"/> to the end and returns its exit code and what it wrote to stderr.</summary>
    public static (int Exit, string Error) Run(string program, string arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        return (process.ExitCode, error);
    }
}
