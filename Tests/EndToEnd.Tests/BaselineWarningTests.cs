using StyleForge.Engine.Evaluation;
using StyleForge.Engine.Reporting;
using Xunit;

namespace StyleForge.EndToEnd.Tests;

/// <summary>A model that scores below a baseline is reported as such, in metrics.json and in the report.</summary>
public sealed class BaselineWarningTests
{
    [Fact]
    public void Given_a_model_below_colortransfer_When_reported_Then_metrics_and_report_carry_a_warning()
    {
        // Given a model that beats identity in PSNR but loses to colortransfer in both metrics (the NaN run's figures)
        using var folder = new TempFolder();
        var model = Set("cyclegan", 12.20, 0.013);
        var baselines = new[] { Set("identity", 8.38, 0.387), Set("colortransfer", 15.97, 0.685) };

        // When the metrics are made and the report is written from them
        var metrics = MetricsReport.Create(model, baselines);
        var metricsPath = folder.Combine("metrics.json");
        metrics.Write(metricsPath);
        var empty = Directory.CreateDirectory(folder.Combine("empty")).FullName;
        var report = folder.Combine("report.html");
        RunReport.Write(new ReportSources(folder.Path, empty, empty, null, null, null, empty, metricsPath, 4), report);

        // Then each lost comparison is a warning with both figures, kept in metrics.json and shown in the report
        Assert.Equal(
        [
            "cyclegan scores below the identity baseline in SSIM (0.013 against 0.387)",
            "cyclegan scores below the colortransfer baseline in PSNR (12.20 dB against 15.97 dB)",
            "cyclegan scores below the colortransfer baseline in SSIM (0.013 against 0.685)",
        ], metrics.Warnings);
        Assert.Equal(metrics.Warnings, MetricsReport.Read(metricsPath)!.Warnings);
        Assert.Contains("<p class=\"warning\">Warning: cyclegan scores below the colortransfer baseline in PSNR (12.20 dB against 15.97 dB)</p>",
            File.ReadAllText(report));
    }

    [Fact]
    public void Given_a_model_above_every_baseline_When_reported_Then_there_is_no_warning()
    {
        var metrics = MetricsReport.Create(Set("cyclegan", 20, 0.8), [Set("identity", 8.38, 0.387), Set("colortransfer", 15.97, 0.685)]);

        Assert.Empty(metrics.Warnings!);
    }

    [Fact]
    public void Given_a_model_that_wins_in_PSNR_but_lights_fewer_windows_and_misses_the_glow_When_reported_Then_both_are_warnings()
    {
        // Given a model above colortransfer in PSNR and SSIM, but below it in F1 and with a larger glow error
        var model = Set("cyclegan", 20, 0.8) with { Light = Light(0.05, 0.30) };
        var colortransfer = Set("colortransfer", 15.97, 0.685) with { Light = Light(0.057, 0.249) };

        var metrics = MetricsReport.Create(model, [colortransfer]);

        Assert.Equal(
        [
            "cyclegan scores below the colortransfer baseline in lit-window F1 (0.050 against 0.057)",
            "cyclegan misses the lamps' glow by more than the colortransfer baseline (glow error 0.300 against 0.249)",
        ], metrics.Warnings);
        Assert.Empty(MetricsReport.Create(model with { Light = Light(0.9, 0.1) }, [colortransfer]).Warnings!);
    }

    [Fact]
    public void Given_a_model_with_a_grid_a_baseline_lacks_When_reported_Then_it_is_a_warning_and_a_ratio_grid_free_images_reach_is_not()
    {
        // Given a model whose checkerboard reads 34.9 times the truth's (the default job's grid) against colortransfer's 1.12
        var colortransfer = Set("colortransfer", 15.97, 0.685) with { Light = Light(0.057, 0.249, checkerboard: 1.12) };
        var gridded = Set("cyclegan", 20, 0.8) with { Light = Light(0.9, 0.1, checkerboard: 34.91) };

        Assert.Equal(["cyclegan shows more of a checkerboard grid than the colortransfer baseline (34.91x the truth's against 1.12x)"],
            MetricsReport.Create(gridded, [colortransfer]).Warnings);
        Assert.Empty(MetricsReport.Create(gridded with { Light = Light(0.9, 0.1, checkerboard: 1.6) }, [colortransfer]).Warnings!);
    }

    private static LightSummary Light(double f1, double glowError, double checkerboard = 1) =>
        new("lights", 1, f1, 1, 0, 0, glowError, 0.01 * checkerboard, 0.01, checkerboard);

    private static ScoredSet Set(string name, double psnr, double ssim) =>
        new(name, "pred", "truth", psnr, ssim, [new ImageScore("a.png", psnr, ssim)], [], [], []);
}
