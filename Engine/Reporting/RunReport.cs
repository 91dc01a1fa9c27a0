using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using StyleForge.Engine.Evaluation;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Sampling;
using StyleForge.Engine.Textures;

namespace StyleForge.Engine.Reporting;

/// <summary>
/// Builds report.html: one self-contained page (images as data: URIs, charts as inline SVG) with the
/// metrics against the baselines (with the light metrics where the truth has light masks), a before/after/truth grid
/// with the truth's lit windows outlined on every image, loss curves, training samples, step timings and the resolved
/// config.
/// </summary>
public static class RunReport
{
    /// <summary>Most training sample sheets shown: the latest ones, which show what the model became.</summary>
    private const int MaxSampleSheets = 6;

    private const string Style = """
        body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1200px; }
        h1 { margin-bottom: 4px; } h2 { margin-top: 32px; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; } td, th { padding: 4px 10px; border: 1px solid #ddd; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .grid img { width: 128px; height: auto; image-rendering: pixelated; }
        .grid td { text-align: center; font-size: 12px; }
        .sheet { max-width: 100%; image-rendering: pixelated; margin: 6px 0; display: block; }
        .note { color: #777; } pre { background: #f5f5f5; padding: 12px; overflow-x: auto; font-size: 12px; }
        .gain { font-size: 18px; font-weight: bold; }
        .warning { background: #fff3cd; border: 1px solid #e0b000; padding: 8px 12px; font-weight: bold; }
        .lights { position: relative; display: inline-block; line-height: 0; }
        .lights span { position: absolute; box-sizing: border-box; }
        .lit { border: 2px solid #ffd400; } .hit { border: 2px solid #00d060; }
        .miss { border: 2px solid #ff2020; } .false { border: 2px dashed #ff8c00; }
        .key i { display: inline-block; box-sizing: border-box; width: 16px; height: 11px; margin: 0 4px 0 12px; vertical-align: middle; }
        """;

    /// <summary>Writes the report and returns how many images it embeds.</summary>
    public static int Write(ReportSources sources, string outputPath)
    {
        var html = new StringBuilder();
        var images = 0;
        var metrics = sources.Metrics is not null ? MetricsReport.Read(sources.Metrics) : null;
        var name = PipelineName(Path.Combine(sources.RunDirectory, RunFolder.ResolvedConfigFile))
            ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(sources.RunDirectory));
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>StyleForge report: ")
            .Append(Encode(name)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>StyleForge report: ").Append(Encode(name)).Append("</h1>");
        html.Append("<p class=\"note\">").Append(Encode(sources.RunDirectory)).Append(" · written ")
            .Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</p>");

        AppendMetrics(html, metrics);
        images += AppendGrid(html, sources, metrics);
        images += AppendLosses(html, sources.Model);
        images += AppendSamples(html, sources.Model);
        AppendTimings(html, Path.Combine(sources.RunDirectory, RunFolder.TimingsFile));
        AppendConfig(html, Path.Combine(sources.RunDirectory, RunFolder.ResolvedConfigFile));
        html.Append("</body></html>");
        AtomicFile.WriteAllText(outputPath, html.ToString());
        return images;
    }

    private static void AppendMetrics(StringBuilder html, MetricsReport? metrics)
    {
        html.Append("<h2>Metrics on the held-out test set</h2>");
        if (metrics is null)
        {
            html.Append("<p class=\"note\">No metrics.json: add an evaluate step before the report.</p>");
            return;
        }
        if (metrics.BestBaseline is not null)
        {
            html.Append("<p class=\"gain\">").Append(Encode(metrics.Model.Name)).Append(" vs the better baseline (")
                .Append(Encode(metrics.BestBaseline)).Append("): PSNR ").Append(ScoreText.Format(metrics.PsnrGainDb, "+0.00;-0.00"))
                .Append(" dB, SSIM ").Append(ScoreText.Format(metrics.SsimGain, "+0.0000;-0.0000")).Append("</p>");
        }
        foreach (var warning in metrics.Warnings ?? [])
        {
            html.Append("<p class=\"warning\">Warning: ").Append(Encode(warning)).Append("</p>");
        }
        var light = metrics.Model.Light is not null;
        html.Append("<table><tr><th>method</th><th>images</th><th>mean PSNR (dB)</th><th>mean SSIM</th>");
        if (light)
        {
            html.Append("<th>lit-window F1</th><th>lit windows hit / false / missed</th><th>glow error</th><th>checkerboard vs truth</th>");
        }
        html.Append("</tr>");
        foreach (var set in metrics.AllSets)
        {
            html.Append("<tr><td>").Append(Encode(set.Name)).Append("</td><td>").Append(set.Images.Count.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(ScoreText.Format(set.MeanPsnr, "0.00")).Append("</td><td>")
                .Append(ScoreText.Format(set.MeanSsim, "0.0000")).Append("</td>");
            if (light)
            {
                var l = set.Light;
                html.Append("<td>").Append(ScoreText.Format(l?.LitWindowF1, "0.000")).Append("</td><td>")
                    .Append(l is null ? "n/a" : FormattableString.Invariant($"{l.LitHits} / {l.LitFalseAlarms} / {l.LitMisses}")).Append("</td><td>")
                    .Append(ScoreText.Format(l?.MeanGlowError, "0.000")).Append("</td><td>")
                    .Append(ScoreText.Format(l?.CheckerboardRatio, "0.00x")).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
        if (!light)
        {
            html.Append("<p class=\"note\">No light masks for this truth: PSNR and SSIM only (lit-window F1, glow error and checkerboard need the masks that <code>styleforge sample daynight</code> writes).</p>");
        }
        html.Append("<p class=\"note\">").Append(Encode(metrics.Method)).Append("</p>");
    }

    private static int AppendGrid(StringBuilder html, ReportSources sources, MetricsReport? metrics)
    {
        html.Append("<h2>Test set: before, after, truth</h2>");
        var before = TextureFolder.Open(sources.Before);
        var columns = new List<(string Title, string? Directory)> { ("before", sources.Before), ("after (model)", sources.After) };
        // Other models compared in the metrics sit beside the model, each in its own column.
        columns.AddRange((metrics?.Compared ?? []).Select(set => ($"after ({set.Name})", (string?)set.PredictionDirectory)));
        columns.AddRange([("truth", sources.Truth), ("baseline", sources.Baseline), ("cycle (after, converted back)", sources.Cycle)]);
        columns.RemoveAll(c => c.Directory is null || !Directory.Exists(c.Directory));
        var scores = metrics?.Model.Images.ToDictionary(i => i.Path, StringComparer.Ordinal) ?? new Dictionary<string, ImageScore>();
        var masks = metrics?.Model.Light?.MaskDirectory;
        // Each column that was scored (the model, and the baselines: "before" is the identity baseline) shows its own lit windows.
        var scoredSets = metrics is null ? [] : metrics.AllSets.ToList();
        var columnScores = columns.ToDictionary(c => c.Title, c => scoredSets.FirstOrDefault(set => SamePath(set.PredictionDirectory, c.Directory!))
            ?.Images.ToDictionary(i => i.Path, StringComparer.Ordinal));
        if (masks is not null)
        {
            html.Append("<p class=\"key\">On the truth (and unscored images):<i class=\"lit\"></i>lit in the truth. On scored images (the model, the baseline, ")
                .Append("the input as the identity baseline):<i class=\"hit\"></i>lit, as in the truth<i class=\"miss\"></i>left dark, lit in the truth")
                .Append("<i class=\"false\"></i>lit, dark in the truth. Lit is judged by the rule in the metrics note.</p>");
        }
        var shown = Math.Min(before.Count, sources.MaxRows);
        html.Append("<table class=\"grid\"><tr><th>texture</th>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(Encode(column.Title)).Append("</th>");
        }
        html.Append("</tr>");
        var images = 0;
        for (var i = 0; i < shown; i++)
        {
            var relative = before.GetRelativePath(i);
            html.Append("<tr><td>").Append(Encode(relative));
            if (scores.TryGetValue(relative, out var score))
            {
                html.Append("<br>").Append(ScoreText.Format(score.Psnr, "0.00")).Append(" dB<br>SSIM ").Append(ScoreText.Format(score.Ssim, "0.000"));
                if (score.Light is { } light)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<br>lit windows {light.LitHits} of {light.LitHits + light.LitMisses}, {light.LitFalseAlarms} false")
                        .Append("<br>glow error ").Append(ScoreText.Format(light.GlowError, "0.000"));
                }
            }
            html.Append("</td>");
            var mask = masks is null ? null : ReadMask(Path.ChangeExtension(Path.Combine(masks, relative), LightMask.Extension));
            foreach (var column in columns)
            {
                var file = Path.Combine(column.Directory!, relative);
                if (File.Exists(file))
                {
                    html.Append("<td>");
                    if (mask is not null)
                    {
                        html.Append("<span class=\"lights\">");
                    }
                    html.Append("<img alt=\"").Append(Encode($"{column.Title}: {relative}")).Append("\" src=\"").Append(ImageDataUri.FromFile(file)).Append("\">");
                    if (mask is not null)
                    {
                        var light = columnScores[column.Title] is { } byPath && byPath.TryGetValue(relative, out var columnScore) ? columnScore.Light : null;
                        AppendWindowOutlines(html, mask, light);
                        html.Append("</span>");
                    }
                    html.Append("</td>");
                    images++;
                }
                else
                {
                    html.Append("<td class=\"note\">missing</td>");
                }
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
        if (before.Count > shown)
        {
            html.Append("<p class=\"note\">").Append(shown.ToString(CultureInfo.InvariantCulture)).Append(" of ")
                .Append(before.Count.ToString(CultureInfo.InvariantCulture)).Append(" test textures shown.</p>");
        }
        return images;
    }

    /// <summary>
    /// Outlines the windows over an image, in percent of its size so they follow the image's displayed size. Without a
    /// light score (the truth, the cycle): the truth's lit windows. With one: hits, misses and false alarms.
    /// </summary>
    private static void AppendWindowOutlines(StringBuilder html, LightMask mask, LightScore? score)
    {
        for (var i = 0; i < mask.Windows.Count; i++)
        {
            var window = mask.Windows[i];
            var predicted = score?.PredictedLit.Contains(i) ?? false;
            var kind = score is null
                ? window.Lit ? "lit" : null
                : window.Lit ? predicted ? "hit" : "miss" : predicted ? "false" : null;
            if (kind is null)
            {
                continue;
            }
            var glass = window.Glass;
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"{kind}\" style=\"left:{100.0 * glass.Left / mask.Width:0.##}%;top:{100.0 * glass.Top / mask.Height:0.##}%;")
                .Append(CultureInfo.InvariantCulture, $"width:{100.0 * (glass.Right - glass.Left) / mask.Width:0.##}%;height:{100.0 * (glass.Bottom - glass.Top) / mask.Height:0.##}%\"></span>");
        }
    }

    /// <summary>The mask, or null when the file is absent or unreadable: the report still shows the images.</summary>
    private static LightMask? ReadMask(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return LightMask.Read(path);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    private static int AppendLosses(StringBuilder html, string model)
    {
        html.Append("<h2>Training losses</h2>");
        var csv = Path.Combine(model, "losses.csv");
        var png = Path.Combine(model, "losses.png");
        var chart = File.Exists(csv) ? LossChart.Render(csv) : null;
        if (chart is not null)
        {
            html.Append(chart).Append("<p class=\"note\">From ").Append(Encode(csv)).Append(", averaged over blocks of iterations.</p>");
        }
        if (File.Exists(png))
        {
            html.Append("<img class=\"sheet\" alt=\"loss curves\" src=\"").Append(ImageDataUri.FromFile(png)).Append("\">");
            return 1;
        }
        if (chart is null)
        {
            html.Append("<p class=\"note\">No losses.csv or losses.png in ").Append(Encode(model)).Append(".</p>");
        }
        return 0;
    }

    private static int AppendSamples(StringBuilder html, string model)
    {
        html.Append("<h2>Training samples</h2>");
        var folder = Path.Combine(model, "samples");
        var sheets = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.png").Order(StringComparer.Ordinal).ToList()
            : new List<string>();
        if (sheets.Count == 0)
        {
            html.Append("<p class=\"note\">No sample sheets in ").Append(Encode(folder)).Append(".</p>");
            return 0;
        }
        var latest = sheets.TakeLast(MaxSampleSheets).ToList();
        html.Append("<p class=\"note\">The latest ").Append(latest.Count.ToString(CultureInfo.InvariantCulture)).Append(" of ")
            .Append(sheets.Count.ToString(CultureInfo.InvariantCulture)).Append(" sheets in ").Append(Encode(folder)).Append(".</p>");
        foreach (var sheet in latest)
        {
            html.Append("<p>").Append(Encode(Path.GetFileName(sheet))).Append("</p><img class=\"sheet\" alt=\"")
                .Append(Encode(Path.GetFileName(sheet))).Append("\" src=\"").Append(ImageDataUri.FromFile(sheet)).Append("\">");
        }
        return latest.Count;
    }

    private static void AppendTimings(StringBuilder html, string path)
    {
        html.Append("<h2>Step timings</h2>");
        if (!File.Exists(path))
        {
            html.Append("<p class=\"note\">No timings.json yet.</p>");
            return;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        html.Append("<table><tr><th>step</th><th>kind</th><th>seconds</th><th>status</th></tr>");
        foreach (var step in document.RootElement.GetProperty("steps").EnumerateArray())
        {
            html.Append("<tr><td>").Append(Encode(step.GetProperty("id").GetString() ?? "")).Append("</td><td>")
                .Append(Encode(step.GetProperty("kind").GetString() ?? "")).Append("</td><td>")
                .Append(step.GetProperty("seconds").GetDouble().ToString("0.0", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(Encode(step.GetProperty("status").GetString() ?? "")).Append("</td></tr>");
        }
        html.Append("</table><p class=\"note\">Steps before the report; total so far ")
            .Append(document.RootElement.GetProperty("total_seconds").GetDouble().ToString("0.0", CultureInfo.InvariantCulture)).Append(" s.</p>");
    }

    private static void AppendConfig(StringBuilder html, string path)
    {
        html.Append("<h2>Configuration</h2>");
        html.Append(File.Exists(path)
            ? "<pre>" + Encode(File.ReadAllText(path)) + "</pre>"
            : "<p class=\"note\">No " + RunFolder.ResolvedConfigFile + " in the run folder.</p>");
    }

    private static string? PipelineName(string resolvedConfig)
    {
        if (!File.Exists(resolvedConfig))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(resolvedConfig));
        return document.RootElement.TryGetProperty("name", out var name) ? name.GetString() : null;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
