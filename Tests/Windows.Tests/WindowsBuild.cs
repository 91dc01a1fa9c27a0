using System.Diagnostics;

namespace StyleForge.Windows.Tests;

/// <summary>
/// The self-contained win-x64 publish of the host, made once per test run, and a Wine prefix to run it in.
/// The publish has its own artifacts folder so it never shares obj/ or bin/ with the Linux build the other
/// test projects use; a publish with nothing changed takes seconds. The prefix is kept between runs
/// because Wine's first start creates it, which takes most of a minute.
/// </summary>
public sealed class WindowsBuild
{
    private readonly Lazy<string> _publish;

    public WindowsBuild()
    {
        Root = Path.Combine(RepoLayout.Root, "artifacts", "wine");
        Prefix = Path.Combine(Root, "prefix");
        _publish = new Lazy<string>(Publish);
    }

    /// <summary>artifacts/wine: the publish's own artifacts, the publish folder and the Wine prefix.</summary>
    public string Root { get; }

    public string Prefix { get; }

    /// <summary>The published folder with styleforge.exe and plugins/; published on first use.</summary>
    public string Folder => _publish.Value;

    /// <summary>Skips the calling test where Wine is not installed (CI installs it: .ci/run).</summary>
    public static void RequireWine() =>
        Skip.IfNot(IsInstalled("wine"), "Wine is not installed (apt-get install wine wine64); .ci/run installs it for CI.");

    private static bool IsInstalled(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, name)));

    private string Publish()
    {
        var output = Path.Combine(Root, "publish");
        Run("dotnet", [
            "publish", Path.Combine(RepoLayout.Root, "Host", "Host.csproj"), "-c", "Release", "-r", "win-x64",
            "--self-contained", "-nologo", "-v", "q", $"-p:ArtifactsPath={Root}", "-o", output,
        ]);
        if (!File.Exists(Path.Combine(Prefix, "system.reg")))
        {
            // A new prefix, made without a display and with Wine's Mono and Gecko installers turned off, so no
            // install dialog can wait for a click. Only here: .NET's own loader needs mscoree later.
            Run("wineboot", ["-u"], new Dictionary<string, string?>
            {
                ["WINEPREFIX"] = Prefix, ["WINEDEBUG"] = "-all", ["WINEDLLOVERRIDES"] = "mscoree,mshtml=", ["DISPLAY"] = null,
            });
        }
        return output;
    }

    private static void Run(string program, string[] arguments, Dictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? [])
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{log}\n{error.Result}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WindowsBuildCollection : ICollectionFixture<WindowsBuild>
{
    public const string Name = "win-x64 publish under Wine";
}
