using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace StyleForge.Host.Evaluation;

/// <summary>Renders scores as terminal tables: per image for one set, and a summary of a model against its baselines.</summary>
internal static class MetricsTable
{
    public static IRenderable PerImage(ScoredSet set)
    {
        var table = new Table().Title($"{Markup.Escape(set.Name)}: {Markup.Escape(set.PredictionDirectory)} vs {Markup.Escape(set.TruthDirectory)}")
            .AddColumn("image").AddColumn(new TableColumn("PSNR dB").RightAligned()).AddColumn(new TableColumn("SSIM").RightAligned());
        foreach (var image in set.Images)
        {
            table.AddRow(Markup.Escape(image.Path), Format(image.Psnr, "0.00"), Format(image.Ssim, "0.0000"));
        }
        table.AddRow("[bold]mean[/]", $"[bold]{Format(set.MeanPsnr, "0.00")}[/]", $"[bold]{Format(set.MeanSsim, "0.0000")}[/]");
        return table;
    }

    public static IRenderable Summary(MetricsReport report)
    {
        var table = new Table().Title("model against baselines (held-out truth)")
            .AddColumn("method").AddColumn(new TableColumn("images").RightAligned())
            .AddColumn(new TableColumn("mean PSNR dB").RightAligned()).AddColumn(new TableColumn("mean SSIM").RightAligned());
        void Row(ScoredSet set, bool bold)
        {
            var name = Markup.Escape(set.Name);
            table.AddRow(bold ? $"[bold]{name}[/]" : name, set.Images.Count.ToString(CultureInfo.InvariantCulture),
                Format(set.MeanPsnr, "0.00"), Format(set.MeanSsim, "0.0000"));
        }
        Row(report.Model, bold: true);
        foreach (var baseline in report.Baselines)
        {
            Row(baseline, bold: false);
        }
        if (report.BestBaseline is not null)
        {
            table.Caption($"gain over {Markup.Escape(report.BestBaseline)}: PSNR {Format(report.PsnrGainDb, "+0.00;-0.00")} dB, SSIM {Format(report.SsimGain, "+0.0000;-0.0000")}");
        }
        return table;
    }

    public static string Format(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
