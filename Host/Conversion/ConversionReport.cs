using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Conversion;

/// <summary>Shows a plan (dry run) or a finished run for people on stderr, or as JSON on stdout for scripts.</summary>
internal static class ConversionReport
{
    /// <summary>Writes JSON to stdout unwrapped: the console would fold long lines at its width and break the document.</summary>
    public static void WriteJson(HostConsole console, string json) => console.Output.Profile.Out.Writer.WriteLine(json);

    public static void ShowPlan(HostConsole console, ConversionPlan plan, bool json)
    {
        if (json)
        {
            WriteJson(console, JsonSerializer.Serialize(new
            {
                dry_run = true,
                convert = plan.Textures.Where(t => t.Action == PlannedAction.Convert).Select(t => new { path = t.RelativePath, reason = t.Reason }),
                skip = plan.Textures.Where(t => t.Action == PlannedAction.Skip).Select(t => new { path = t.RelativePath, reason = t.Reason }),
                fail = plan.Textures.Where(t => t.Action == PlannedAction.Fail).Select(t => new { path = t.RelativePath, reason = t.Reason }),
                not_selected = plan.NotSelected,
                other_shards = plan.OtherShards,
            }, JsonOptions.Indented));
            return;
        }
        var table = new Table().AddColumn("file").AddColumn("would").AddColumn("why");
        foreach (var texture in plan.Textures)
        {
            var action = texture.Action switch
            {
                PlannedAction.Convert => "convert",
                PlannedAction.Skip => "skip",
                _ => "[red]fail[/]",
            };
            table.AddRow(Markup.Escape(texture.RelativePath), action, Markup.Escape(texture.Reason));
        }
        console.Output.Write(table);
        console.Info(string.Create(CultureInfo.InvariantCulture,
            $"dry run: would convert {plan.ToConvert.Count()}, skip {plan.Textures.Count(t => t.Action == PlannedAction.Skip)}, " +
            $"refuse {plan.Textures.Count(t => t.Action == PlannedAction.Fail)}; {plan.NotSelected} not matched by include/exclude, {plan.OtherShards} in other shards"));
    }

    public static void ShowSummary(HostConsole console, ConversionSummary summary, string outputRoot, bool json)
    {
        foreach (var failure in summary.Failed)
        {
            console.Fail(failure.Reason);
        }
        if (summary.ManifestProblem is not null)
        {
            console.Warn(summary.ManifestProblem);
        }
        var skipReasons = summary.Skipped
            .GroupBy(s => s.Reason.StartsWith("not a colour map", StringComparison.Ordinal) ? "not a colour map" : s.Reason)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}");
        var skipped = summary.Skipped.Count == 0 ? "0" : $"{summary.Skipped.Count} ({string.Join(", ", skipReasons)})";
        console.Info(string.Create(CultureInfo.InvariantCulture,
            $"converted {summary.Converted.Count}, skipped {skipped}, failed {summary.Failed.Count} in {summary.Seconds:0.0} s " +
            $"({summary.MegapixelsPerSecond:0.00} megapixels/s); output: {outputRoot}"));
        if (json)
        {
            WriteJson(console, JsonSerializer.Serialize(new
            {
                converted = summary.Converted.Count,
                skipped = summary.Skipped.Count,
                failed = summary.Failed.Count,
                not_selected = summary.NotSelected,
                other_shards = summary.OtherShards,
                megapixels = summary.Megapixels,
                seconds = summary.Seconds,
                megapixels_per_second = summary.MegapixelsPerSecond,
                converted_files = summary.Converted,
                skipped_files = summary.Skipped.Select(s => new { path = s.RelativePath, reason = s.Reason }),
                failed_files = summary.Failed.Select(f => new { path = f.RelativePath, reason = f.Reason }),
                manifest_error = summary.ManifestProblem,
            }, JsonOptions.Indented));
        }
    }
}
