using Spectre.Console.Testing;
using StyleForge.Engine.Sampling;
using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;
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
    public void Given_truth_without_light_masks_When_evaluating_Then_it_says_so_and_scores_PSNR_and_SSIM_only()
    {
        var data = _temp.Combine("data");
        DayNightSample.Generate(data, new SampleParameters(32, 1, 2, 1), new Progress<PluginProgress>(), CancellationToken.None);
        Directory.Move(Path.Combine(data, DayNightSample.TestLights), _temp.Combine("elsewhere"));

        var exit = Run("evaluate", "--pred", Path.Combine(data, DayNightSample.TestA), "--truth", Path.Combine(data, DayNightSample.TestTruth));

        Assert.Equal(0, exit);
        Assert.Contains("no light masks", _error.Output);
        Assert.Contains("PSNR and SSIM only", _error.Output);
        Assert.DoesNotContain("lit windows", _output.Output);
    }

    [Fact]
    public void Given_light_masks_beside_the_truth_When_evaluating_Then_the_light_metrics_are_shown()
    {
        var data = _temp.Combine("data");
        DayNightSample.Generate(data, new SampleParameters(32, 1, 2, 1), new Progress<PluginProgress>(), CancellationToken.None);

        var exit = Run("evaluate", "--pred", Path.Combine(data, DayNightSample.TestTruth), "--truth", Path.Combine(data, DayNightSample.TestTruth));

        Assert.Equal(0, exit);
        Assert.Contains("lit windows", _output.Output);
        Assert.Contains("1.00x", _output.Output);
        Assert.DoesNotContain("no light masks", _error.Output);
    }

    [Fact]
    public void Given_no_vulkan_driver_When_viewing_Then_the_error_says_what_to_install_and_exits_2()
    {
        var png = _temp.Combine("one.png");
        WriteSolidPng(png, 10, 20, 30);
        var sheet = _temp.Combine("sheet.png");

        // Point the Vulkan loader at a driver list that does not exist: the same as a machine with no driver.
        var missingDriver = _temp.Combine("no-such-icd.json");
        var (exit, error) = HostProcess.Run("dotnet", $"\"{RepoLayout.HostDll}\" view \"{png}\" --headless --out \"{sheet}\"",
            new Dictionary<string, string> { ["VK_ICD_FILENAMES"] = missingDriver, ["VK_DRIVER_FILES"] = missingDriver });

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Vulkan is not available", error);
        Assert.Contains("mesa-vulkan-drivers", error);
        Assert.False(File.Exists(sheet));
    }

    [Fact]
    public void Given_an_X_display_When_viewing_two_folders_for_60_frames_Then_a_real_window_renders_and_exits_0()
    {
        WriteSolidPng(_temp.Combine("before", "brick.png"), 200, 40, 40);
        WriteSolidPng(_temp.Combine("after", "brick.png"), 40, 40, 200);

        // xvfb-run (Debian's xvfb package, installed by .ci/run) gives the child a private X server.
        var (exit, error) = HostProcess.Run("xvfb-run", $"-a dotnet \"{RepoLayout.HostDll}\" view \"{_temp.Combine("before")}\" \"{_temp.Combine("after")}\" --frames 60");

        Assert.True(exit == 0, error);
    }

    private static void WriteSolidPng(string path, byte r, byte g, byte b)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(16, 16, new(r, g, b));
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, path);
    }

    public void Dispose() => _temp.Dispose();
}
