using System.Diagnostics;
using Spectre.Console.Testing;
using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>The command line driven in-process, as a user types it.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestConsole _output = new TestConsole().Width(250);
    private readonly TestConsole _error = new TestConsole().Width(250);

    private int Run(params string[] args) =>
        StyleForgeApp.Create(new HostConsole(_error, _output)).Run(StyleForgeApp.NormalizeArguments(args));

    [Fact]
    public void Given_the_shipped_pipelines_When_validated_Then_both_pass()
    {
        foreach (var file in new[] { "daynight.yaml", "daynight-full.yaml" })
        {
            var exit = Run("validate", Path.Combine(RepoLayout.Root, "pipelines", file), "--plugins", RepoLayout.HostPlugins);

            Assert.True(exit == ExitCodes.Success, $"{file}: {_error.Output}");
            Assert.Contains("valid", _output.Output);
        }
    }

    [Fact]
    public void Given_a_pipeline_with_an_unknown_key_When_run_Then_nothing_runs_and_the_exit_code_is_2()
    {
        var file = _temp.Write("bad.yaml", """
            name: bad
            run_dir: will-not-exist
            steps:
              - kind: sample
                dataset: daynight
                size: 32
                colour: red
            """);

        var exit = Run("run", file, "--plugins", RepoLayout.HostPlugins);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("bad.yaml:7:5:", _error.Output);
        Assert.Contains("'colour'", _error.Output);
        Assert.Contains("nothing was run", _error.Output);
        Assert.False(Directory.Exists("will-not-exist"));
    }

    [Fact]
    public void Given_an_override_that_does_not_fit_When_validated_Then_the_error_names_the_argument()
    {
        var exit = Run("validate", Path.Combine(RepoLayout.Root, "pipelines", "daynight.yaml"), "--plugins", RepoLayout.HostPlugins,
            "--set", "train.iterations=lots");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--set train.iterations=lots: option 'iterations' of plugin 'cyclegan': 'lots' is not a whole number", _error.Output);
    }

    [Fact]
    public void Given_an_unknown_option_When_parsing_Then_usage_exit_code_and_no_stack_trace()
    {
        var exit = Run("validate", "x.yaml", "--frobnicate");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("frobnicate", _error.Output);
        Assert.DoesNotContain("   at ", _error.Output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("plugins")]
    [InlineData("sample")]
    [InlineData("train")]
    [InlineData("convert")]
    [InlineData("evaluate")]
    [InlineData("view")]
    [InlineData("bench")]
    public void Given_a_verb_When_asked_for_help_Then_it_has_a_description_and_examples(string verb)
    {
        var exit = Run(verb, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("DESCRIPTION:", _output.Output);
        Assert.Contains("EXAMPLES:", _output.Output);
        Assert.Contains($"styleforge {verb}", _output.Output);
    }

    [Fact]
    public void Given_train_with_the_short_domain_flags_When_a_folder_is_missing_Then_the_error_names_it()
    {
        var exit = Run("train", "--a", _temp.Path, "--b", _temp.Combine("missing"), "--out", _temp.Combine("run"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("folder not found", _error.Output);
    }

    [Fact]
    public void Given_no_vulkan_driver_When_viewing_Then_the_error_says_what_to_install_and_exits_2()
    {
        var png = _temp.Combine("one.png");
        using (var bitmap = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(8, 8))
        {
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(bitmap, png);
        }
        var host = Path.Combine(RepoLayout.Root, "artifacts", "bin", "Host", RepoLayout.Configuration.ToLowerInvariant(), "styleforge.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{host}\" view \"{png}\" --headless --out \"{_temp.Combine("sheet.png")}\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // Point the Vulkan loader at a driver list that does not exist: the same as a machine with no driver.
        start.Environment["VK_ICD_FILENAMES"] = _temp.Combine("no-such-icd.json");
        start.Environment["VK_DRIVER_FILES"] = _temp.Combine("no-such-icd.json");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.False(File.Exists(_temp.Combine("sheet.png")));
        Assert.Equal(ExitCodes.Usage, process.ExitCode);
        Assert.Contains("Vulkan is not available", error);
        Assert.Contains("mesa-vulkan-drivers", error);
    }

    public void Dispose() => _temp.Dispose();
}
