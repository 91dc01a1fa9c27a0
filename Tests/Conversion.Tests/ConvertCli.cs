using System.Diagnostics;
using System.Text.Json;
using Spectre.Console.Testing;
using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;

namespace StyleForge.Conversion.Tests;

/// <summary>What one run of the CLI printed and returned.</summary>
internal sealed record CliResult(int Exit, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}

/// <summary>
/// Runs <c>styleforge</c> the way the conversion tests need: in process through the command app (fast),
/// or as a real child process of the built host where a test needs what only a process has (a second
/// writer, a signal).
/// </summary>
internal static class ConvertCli
{
    public static CliResult Run(params string[] args)
    {
        var output = new TestConsole().Width(80);
        var error = new TestConsole().Width(400);
        var exit = StyleForgeApp.Create(new HostConsole(error, output)).Run(args);
        return new CliResult(exit, output.Output, error.Output);
    }

    /// <summary>Starts the host as a child process with stdout and stderr redirected.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(RepoLayout.HostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    /// <summary>Sends a signal (STOP, CONT, TERM, ...) to a child with kill(1), as a job runner or a user would.</summary>
    public static void Signal(string signal, int pid) => SystemTool.Run("kill", $"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Waits for a child started by <see cref="Start"/> and collects what it printed.</summary>
    public static CliResult Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("styleforge did not finish within 2 minutes");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
