using StyleForge.Engine.Catalog;
using StyleForge.Engine.Evaluation;
using StyleForge.Engine.Reporting;
using StyleForge.Engine.Sampling;
using StyleForge.Host.Pipelines;
using StyleForge.Plugins;
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
        // The sample writes light masks, so the table has the light metrics and the truth's lit windows are outlined.
        Assert.Contains("lit-window F1", html);
        Assert.Contains("class=\"lit\" style=", html);
    }

    [Fact]
    public void Outlines_show_the_truths_lit_windows_and_which_ones_each_scored_column_lit()
    {
        // Given a sample whose "model" output is the truth itself and whose baseline leaves every window dark (the input).
        using var folder = new TempFolder();
        var data = folder.Combine("data");
        DayNightSample.Generate(data, new SampleParameters(48, 1, 3, 11), new Progress<PluginProgress>(), CancellationToken.None);
        var truth = Path.Combine(data, DayNightSample.TestTruth);
        var lights = Path.Combine(data, DayNightSample.TestLights);
        var after = folder.Combine("after");
        Directory.CreateDirectory(after);
        foreach (var file in Directory.EnumerateFiles(truth))
        {
            File.Copy(file, Path.Combine(after, Path.GetFileName(file)));
        }
        var model = FolderEvaluator.Evaluate("model", after, truth, lights, CancellationToken.None);
        var identity = FolderEvaluator.Evaluate("identity", Path.Combine(data, DayNightSample.TestA), truth, lights, CancellationToken.None);
        var metrics = folder.Combine("metrics.json");
        MetricsReport.Create(model, [identity]).Write(metrics);

        var report = folder.Combine("report.html");
        RunReport.Write(new ReportSources(folder.Path, Path.Combine(data, DayNightSample.TestA), after, truth, null, null, folder.Combine("model"), metrics, 10), report);

        // Then the truth column outlines every truth-lit window, and each scored column (the model's, and the day input
        // as the identity baseline) marks each of them a hit or a miss, and its false alarms, as its scores counted them.
        var html = File.ReadAllText(report);
        var lit = Directory.EnumerateFiles(lights).Sum(f => LightMask.Read(f).Windows.Count(w => w.Lit));
        Assert.True(lit > 0);
        Assert.Equal(lit, Occurrences(html, "class=\"lit\" style="));
        Assert.Equal(2 * lit, Occurrences(html, "class=\"hit\" style=") + Occurrences(html, "class=\"miss\" style="));
        Assert.Equal(model.Light!.LitHits + identity.Light!.LitHits, Occurrences(html, "class=\"hit\" style="));
        Assert.Equal(model.Light.LitFalseAlarms + identity.Light.LitFalseAlarms, Occurrences(html, "class=\"false\" style="));
        Assert.True(model.Light.LitHits > identity.Light.LitHits, "the truth should light more windows than the day input");
        Assert.Contains("lit-window F1", html);
        Assert.Contains(ScoreText.Format(model.Light.LitWindowF1, "0.000"), html);
    }

    [Fact]
    public void A_report_of_data_without_light_masks_says_it_shows_PSNR_and_SSIM_only()
    {
        using var folder = new TempFolder();
        var data = folder.Combine("data");
        DayNightSample.Generate(data, new SampleParameters(24, 1, 2, 3), new Progress<PluginProgress>(), CancellationToken.None);
        var truth = Path.Combine(data, DayNightSample.TestTruth);
        var metrics = folder.Combine("metrics.json");
        MetricsReport.Create(FolderEvaluator.Evaluate("model", truth, truth, null, CancellationToken.None), []).Write(metrics);

        var report = folder.Combine("report.html");
        RunReport.Write(new ReportSources(folder.Path, Path.Combine(data, DayNightSample.TestA), truth, truth, null, null, folder.Combine("model"), metrics, 10), report);

        var html = File.ReadAllText(report);
        Assert.Contains("No light masks for this truth: PSNR and SSIM only", html);
        Assert.DoesNotContain("class=\"lit\" style=", html);
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
