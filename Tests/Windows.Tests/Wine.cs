using System.Diagnostics;

namespace StyleForge.Windows.Tests;

/// <summary>Runs the published styleforge.exe under Wine as a real child process.</summary>
internal static class Wine
{
    /// <summary>What Wine sees as this Linux path: the Z: drive maps to /, so paths carry a drive letter and backslashes.</summary>
    public static string PathOf(string linuxPath) => "Z:" + Path.GetFullPath(linuxPath).Replace('/', '\\');

    public static (int Exit, string Output, string Error) Run(WindowsBuild build, IEnumerable<string> arguments, string? display = null)
    {
        var result = RunOnce(build, arguments, display);
        if (result.Exit != 0 && result.Output.Length == 0 && result.Error.Length == 0)
        {
            // Nothing at all was printed: the program never started (seen once in three CI-like runs, the step after
            // another test's program, while that prefix's wineserver was shutting down). A program that ran and failed
            // prints its error and is not retried. Start it once more after the server has ended.
            WaitForServer(build);
            result = RunOnce(build, arguments, display);
        }
        return result;
    }

    private static (int Exit, string Output, string Error) RunOnce(WindowsBuild build, IEnumerable<string> arguments, string? display)
    {
        using var process = Start(build, arguments, display);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wine styleforge.exe {string.Join(' ', arguments)} did not end within 5 minutes.");
        }
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>
    /// Waits until the prefix's wineserver has ended. Wine keeps one server and one desktop process per prefix
    /// while programs run (and a moment after): a window opened while a display-less desktop is still up fails
    /// (CreateWindowEx returns 0), and a desktop left on a test's Xvfb would outlive that server.
    /// </summary>
    public static void WaitForServer(WindowsBuild build)
    {
        var info = new ProcessStartInfo("wineserver") { UseShellExecute = false };
        info.ArgumentList.Add("-w");
        info.Environment["WINEPREFIX"] = build.Prefix;
        using var server = Process.Start(info) ?? throw new InvalidOperationException("wineserver did not start.");
        if (!server.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            server.Kill();
            throw new TimeoutException($"the wineserver of {build.Prefix} did not end within 2 minutes.");
        }
    }

    /// <summary>Starts styleforge.exe under Wine with its output redirected, for a caller that drives it while it runs.</summary>
    public static Process Start(WindowsBuild build, IEnumerable<string> arguments, string? display = null)
    {
        var info = new ProcessStartInfo("wine")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = build.Folder,
        };
        info.ArgumentList.Add(Path.Combine(build.Folder, "styleforge.exe"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["WINEPREFIX"] = build.Prefix;
        info.Environment["WINEDEBUG"] = "-all";
        // Under Wine 8, CoreCLR's write-xor-execute double mapping of JIT code now and then ends a process with
        // "Internal CLR error (0x80131506)" in DynamicResolver.DestroyScout.Finalize, when the code of a
        // dynamic method is freed (measured: 10 of 12 `plugins` runs with W^X on, 0 of 12 with it off; exit code 2).
        // Wine's problem, not the program's: on Windows W^X stays on.
        info.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        // Wine's Vulkan goes through its X11 driver, so a display is needed for Vulkan even offscreen.
        if (display is null)
        {
            info.Environment.Remove("DISPLAY");
        }
        else
        {
            info.Environment["DISPLAY"] = display;
        }
        return Process.Start(info) ?? throw new InvalidOperationException("wine did not start.");
    }
}
