using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using StyleForge.Engine.Evaluation;

namespace StyleForge.Host.Terminal;

/// <summary>Renders scores as terminal tables: per image for one set, and a summary of a model against its baselines.</summary>
internal static class MetricsTable
{
    public static IRenderable PerImage(ScoredSet set)
    {
        var light = set.Light is not null;
        var table = new Table().Title($"{Markup.Escape(set.Name)}: {Markup.Escape(set.PredictionDirectory)} vs {Markup.Escape(set.TruthDirectory)}")
            .AddColumn("image").AddColumn(new TableColumn("PSNR dB").RightAligned()).AddColumn(new TableColumn("SSIM").RightAligned());
        if (light)
        {
            table.AddColumn(new TableColumn("lit windows hit/false/missed").RightAligned()).AddColumn(new TableColumn("glow error").RightAligned())
                .AddColumn(new TableColumn("checkerboard / truth's").RightAligned());
        }
        foreach (var image in set.Images)
        {
            var cells = new List<string> { Markup.Escape(image.Path), Format(image.Psnr, "0.00"), Format(image.Ssim, "0.0000") };
            if (light)
            {
                cells.AddRange(image.Light is { } l
                    ? [$"{l.LitHits}/{l.LitFalseAlarms}/{l.LitMisses}", Format(l.GlowError, "0.000"), $"{Format(l.Checkerboard, "0.00")} / {Format(l.TruthCheckerboard, "0.00")}"]
                    : ["no mask", "", ""]);
            }
            table.AddRow(cells.ToArray());
        }
        var mean = new List<string> { "[bold]mean[/]", $"[bold]{Format(set.MeanPsnr, "0.00")}[/]", $"[bold]{Format(set.MeanSsim, "0.0000")}[/]" };
        if (set.Light is { } summary)
        {
            mean.AddRange([$"[bold]F1 {Format(summary.LitWindowF1, "0.000")}[/]", $"[bold]{Format(summary.MeanGlowError, "0.000")}[/]",
                $"[bold]{Format(summary.CheckerboardRatio, "0.00x")}[/]"]);
        }
        table.AddRow(mean.ToArray());
        return table;
    }

    public static IRenderable Summary(MetricsReport report)
    {
        var light = report.Model.Light is not null;
        var table = new Table().Title(report.Compared is null ? "model against baselines (held-out truth)" : "models against baselines (held-out truth)")
            .AddColumn("method").AddColumn(new TableColumn("images").RightAligned())
            .AddColumn(new TableColumn("mean PSNR dB").RightAligned()).AddColumn(new TableColumn("mean SSIM").RightAligned());
        if (light)
        {
            table.AddColumn(new TableColumn("lit-window F1").RightAligned()).AddColumn(new TableColumn("glow error").RightAligned())
                .AddColumn(new TableColumn("checkerboard vs truth").RightAligned());
        }
        void Row(ScoredSet set, bool bold)
        {
            var name = Markup.Escape(set.Name);
            var cells = new List<string>
            {
                bold ? $"[bold]{name}[/]" : name, set.Images.Count.ToString(CultureInfo.InvariantCulture),
                Format(set.MeanPsnr, "0.00"), Format(set.MeanSsim, "0.0000"),
            };
            if (light)
            {
                cells.AddRange([Format(set.Light?.LitWindowF1, "0.000"), Format(set.Light?.MeanGlowError, "0.000"), Format(set.Light?.CheckerboardRatio, "0.00x")]);
            }
            table.AddRow(cells.ToArray());
        }
        foreach (var set in report.AllSets)
        {
            Row(set, bold: !report.Baselines.Contains(set));
        }
        if (report.BestBaseline is not null)
        {
            table.Caption($"gain over {Markup.Escape(report.BestBaseline)}: PSNR {Format(report.PsnrGainDb, "+0.00;-0.00")} dB, SSIM {Format(report.SsimGain, "+0.0000;-0.0000")}");
        }
        return table;
    }

    private static string Format(double? value, string format) => ScoreText.Format(value, format);
}
