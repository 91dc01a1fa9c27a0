using StyleForge.Host.Catalog;
using StyleForge.Host.Pipelines;
using Xunit;

namespace StyleForge.EndToEnd.Tests;

/// <summary>The report on its own, built from a quick pipeline that uses ColorTransfer as the model (no CycleGAN needed).</summary>
public sealed class ReportTests
{
    [Fact]
    public async Task Report_of_a_colortransfer_run_loads_every_image_in_chromium_and_says_what_is_missing()
    {
        using var folder = new TempFolder();
        var pipeline = folder.Write("quick.yaml", """
            name: quick
            steps:
              - kind: sample
                count: 4
                test_count: 2
                size: 24
              - kind: train
                plugin: colortransfer
                a: "{run}/data/trainA"
                b: "{run}/data/trainB"
              - kind: convert
                input: "{run}/data/testA"
                output: "{run}/converted/testA"
              - kind: evaluate
              - kind: report
            """);
        var run = folder.Combine("run");
        var console = new TestConsole();
        using var catalog = PluginCatalog.Load(new[] { RepoLayout.HostPlugins });

        var document = new PipelineLoader(StepKinds.All, catalog).Load(pipeline, new[] { $"run_dir={run}" });
        var exitCode = await new PipelineRunner(console.Console, catalog).RunAsync(document, CancellationToken.None);

        Assert.True(exitCode == 0, console.Error);
        var report = Path.Combine(run, "report.html");
        var (loaded, total) = ChromiumPage.CountImages(report);
        // 2 test rows x (before, after, truth, baseline); no cycle column, no losses, no sample sheets.
        Assert.Equal(8, total);
        Assert.Equal(total, loaded);
        var html = File.ReadAllText(report);
        Assert.Contains("No sample sheets", html);
        Assert.Contains("identity", html);
    }
}
