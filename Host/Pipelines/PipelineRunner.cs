using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using StyleForge.Engine;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Runs;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;

namespace StyleForge.Host.Pipelines;

/// <summary>Runs the steps of a validated pipeline in order, recording the resolved config and step timings in the run folder.</summary>
internal sealed class PipelineRunner
{
    public const string ResolvedConfigFile = RunFolder.ResolvedConfigFile;
    public const string TimingsFile = RunFolder.TimingsFile;
    public const string LogFile = RunFolder.LogFile;

    private readonly HostConsole _console;
    private readonly PluginCatalog _catalog;

    public PipelineRunner(HostConsole console, PluginCatalog catalog)
    {
        _console = console;
        _catalog = catalog;
    }

    /// <summary>Returns the process exit code: 0 success, 1 when a step failed or finished with failures, 130 when cancelled.</summary>
    public async Task<int> RunAsync(PipelineDocument document, CancellationToken cancellation)
    {
        Directory.CreateDirectory(document.RunDirectory);
        using var log = new RunLog(Path.Combine(document.RunDirectory, LogFile));
        var run = new PipelineRun(document, _catalog, _console, log, cancellation);
        AtomicFile.WriteAllText(Path.Combine(document.RunDirectory, ResolvedConfigFile), DescribeResolved(document));
        log.Write("info", $"pipeline {document.Name} from {document.FilePath}");

        var timings = new List<StepTiming>();
        var exitCode = 0;
        var total = Stopwatch.StartNew();
        foreach (var step in document.Steps)
        {
            _console.Error.MarkupLine($"[bold]== step {step.Index + 1}/{document.Steps.Count}: {step.Id}[/] ({step.Kind})");
            log.Write("info", $"step {step.Id} ({step.Kind}) started");
            var stopwatch = Stopwatch.StartNew();
            int outcome;
            try
            {
                outcome = await step.Step.RunAsync(step, run);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                log.Write("warn", $"step {step.Id} cancelled");
                _console.Warn($"cancelled during step '{step.Id}'; run it again to continue where it stopped");
                WriteTimings(document, timings, total.Elapsed);
                return ExitCodes.Cancelled;
            }
            catch (Exception ex) when (ex is PluginException or StepFailedException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                log.Write("error", $"step {step.Id} failed: {ex.Message}");
                _console.Fail($"step '{step.Id}' ({step.Kind}) failed: {ex.Message}", ex.InnerException);
                timings.Add(new StepTiming(step.Id, step.Kind, stopwatch.Elapsed.TotalSeconds, "failed"));
                WriteTimings(document, timings, total.Elapsed);
                return ExitCodes.Failed;
            }
            var status = outcome == 0 ? "ok" : "partial";
            timings.Add(new StepTiming(step.Id, step.Kind, stopwatch.Elapsed.TotalSeconds, status));
            WriteTimings(document, timings, total.Elapsed);
            log.Write("info", $"step {step.Id} finished: {status} in {stopwatch.Elapsed.TotalSeconds:0.0} s");
            if (outcome != 0)
            {
                exitCode = ExitCodes.Failed;
            }
        }
        _console.Info($"pipeline '{document.Name}' finished in {total.Elapsed.TotalSeconds:0.0} s; run folder: {document.RunDirectory}");
        return exitCode;
    }

    private static void WriteTimings(PipelineDocument document, List<StepTiming> timings, TimeSpan total) =>
        AtomicFile.WriteAllText(Path.Combine(document.RunDirectory, TimingsFile),
            JsonSerializer.Serialize(new { total_seconds = total.TotalSeconds, steps = timings }, JsonOptions.Indented));

    private static string DescribeResolved(PipelineDocument document) => JsonSerializer.Serialize(new
    {
        file = document.FilePath,
        name = document.Name,
        run_dir = document.RunDirectory,
        device = document.Device,
        seed = document.Seed,
        steps = document.Steps.Select(s => new
        {
            id = s.Id,
            kind = s.Kind,
            plugin = s.PluginName,
            values = s.Values.ToDictionary(v => v.Key, v => Written(v.Value)),
            options = s.PluginOptions?.All,
        }),
    }, JsonOptions.Indented);

    /// <summary>A typed value as the config records it: as a user would write it, not the object the loader made.</summary>
    private static object? Written(object? value) => value switch
    {
        ShardSpec shard => shard.ToString(),
        MapTypeRules rules when ReferenceEquals(rules, MapTypeRules.Default) => null,
        MapTypeRules rules when rules.Rules.Count == 0 => new[] { "none" },
        MapTypeRules rules => rules.Rules.Select(r => $"{r.Suffix}={r.MapType}").ToList(),
        _ => value,
    };
}

/// <summary>How long one step took and how it ended; written to timings.json for the report.</summary>
internal sealed record StepTiming(string Id, string Kind, double Seconds, string Status);

/// <summary>A step failed in a way a person can act on; the message says what and where.</summary>
internal sealed class StepFailedException : Exception
{
    public StepFailedException(string message) : base(message)
    {
    }
}
