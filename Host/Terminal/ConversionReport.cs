using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using StyleForge.Engine;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Runs;
using StyleForge.Plugins;

namespace StyleForge.Host.Terminal;

/// <summary>Shows a plan (dry run) or a finished run for people on stderr, or as JSON on stdout for scripts.</summary>
internal static class ConversionReport
{
    /// <summary>
    /// The convert verb's and the convert step's front end: shows the plan of a dry run, or runs the conversion and shows
    /// its summary. Returns the exit code: 0, or 1 when some file failed or the manifest could not be saved.
    /// </summary>
    public static int RunAndShow(HostConsole console, ConversionModel model, OptionValues options, ConversionRequest request,
        string workDirectory, StageEnvironment environment, bool json)
    {
        if (request.DryRun)
        {
            ShowPlan(console, ConversionJob.Plan(model, options, request, console), json);
            return ExitCodes.Success;
        }
        var summary = ConversionJob.Run(model, options, request, workDirectory, environment);
        ShowSummary(console, summary, request.OutputRoot, json);
        return summary.Complete ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>Writes JSON to stdout unwrapped: the console would fold long lines at its width and break the document.</summary>
    public static void WriteJson(HostConsole console, string json) => console.Output.Profile.Out.Writer.WriteLine(json);

    public static void ShowPlan(HostConsole console, ConversionPlan plan, bool json)
    {
        if (json)
        {
            WriteJson(console, JsonSerializer.Serialize(new
            {
                dry_run = true,
                convert = plan.Textures.Where(t => t.Action == PlannedAction.Convert).Select(t => new { path = t.RelativePath, reason = t.Reason, map = t.MapType }),
                skip = plan.Textures.Where(t => t.Action == PlannedAction.Skip).Select(t => new { path = t.RelativePath, reason = t.Reason }),
                fail = plan.Textures.Where(t => t.Action == PlannedAction.Fail).Select(t => new { path = t.RelativePath, reason = t.Reason }),
                unsupported = plan.Textures.Where(t => t.Action == PlannedAction.Unsupported).Select(t => new { path = t.RelativePath, reason = t.Reason }),
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
                PlannedAction.Unsupported => "[yellow]unsupported[/]",
                _ => "[red]fail[/]",
            };
            table.AddRow(Markup.Escape(texture.RelativePath), action, Markup.Escape(texture.Reason));
        }
        console.Output.Write(table);
        var unsupported = plan.Textures.Where(t => t.Action == PlannedAction.Unsupported).ToList();
        console.Info(string.Create(CultureInfo.InvariantCulture,
            $"dry run: would convert {plan.ToConvert.Count()}, skip {plan.Textures.Count(t => t.Action == PlannedAction.Skip)}, " +
            $"refuse {plan.Textures.Count(t => t.Action == PlannedAction.Fail)}{(unsupported.Count == 0 ? "" : $", not convert {unsupported.Count}{ByExtension(unsupported)}")}; {plan.NotSelected} not matched by include/exclude, {plan.OtherShards} in other shards"));
    }

    public static void ShowSummary(HostConsole console, ConversionSummary summary, string outputRoot, bool json)
    {
        foreach (var failure in summary.Failed)
        {
            console.Fail(failure.Reason);
        }
        foreach (var left in summary.Unsupported)
        {
            console.Warn($"{left.SourcePath}: {left.Reason}");
        }
        if (summary.ManifestProblem is not null)
        {
            console.Warn(summary.ManifestProblem);
        }
        var skipReasons = summary.Skipped
            .GroupBy(s => s.Reason.StartsWith(ConversionPlanner.NotColourReason, StringComparison.Ordinal) ? ConversionPlanner.NotColourReason : s.Reason)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key == ConversionPlanner.NotColourReason ? $"{g.Count()} {g.Key} [{ByRule(g)}]" : $"{g.Count()} {g.Key}");
        var skipped = summary.Skipped.Count == 0 ? "0" : $"{summary.Skipped.Count} ({string.Join(", ", skipReasons)})";
        var unsupported = summary.Unsupported.Count == 0 ? "" : $"not converted {summary.Unsupported.Count}{ByExtension(summary.Unsupported)}, ";
        console.Info(string.Create(CultureInfo.InvariantCulture,
            $"converted {summary.Converted.Count}, skipped {skipped}, {unsupported}failed {summary.Failed.Count} in {summary.Seconds:0.0} s " +
            $"({summary.MegapixelsPerSecond:0.00} megapixels/s); output: {outputRoot}"));
        if (json)
        {
            WriteJson(console, JsonSerializer.Serialize(new
            {
                converted = summary.Converted.Count,
                skipped = summary.Skipped.Count,
                failed = summary.Failed.Count,
                unsupported = summary.Unsupported.Count,
                not_selected = summary.NotSelected,
                other_shards = summary.OtherShards,
                megapixels = summary.Megapixels,
                seconds = summary.Seconds,
                megapixels_per_second = summary.MegapixelsPerSecond,
                converted_files = summary.Converted,
                skipped_files = summary.Skipped.Select(s => new { path = s.RelativePath, reason = s.Reason }),
                failed_files = summary.Failed.Select(f => new { path = f.RelativePath, reason = f.Reason }),
                unsupported_files = summary.Unsupported.Select(u => new { path = u.RelativePath, reason = u.Reason }),
                manifest_error = summary.ManifestProblem,
            }, JsonOptions.Indented));
        }
    }

    /// <summary>"_nor_gl 2, _orm 1": how many data maps each rule skipped, so the summary line says which rules matched.</summary>
    private static string ByRule(IEnumerable<PlannedTexture> skipped) =>
        string.Join(", ", skipped.Select(t => t.Rule).OfType<MapTypeRule>().GroupBy(r => r.Suffix)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>" (unsupported format: .exr 2, .psd 1)" for a list of unsupported textures, or nothing when it is empty.</summary>
    private static string ByExtension(IEnumerable<PlannedTexture> textures)
    {
        var counts = textures.GroupBy(t => Path.GetExtension(t.RelativePath).ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}")
            .ToList();
        return counts.Count == 0 ? "" : $" (unsupported format: {string.Join(", ", counts)})";
    }
}
