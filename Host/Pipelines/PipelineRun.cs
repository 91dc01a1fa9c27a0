using StyleForge.Engine.Catalog;
using StyleForge.Engine.Runs;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Pipelines;

/// <summary>Everything a running step needs: the pipeline, its run folder, the plugins, the console and the log.</summary>
internal sealed class PipelineRun
{
    public PipelineRun(PipelineDocument document, PluginCatalog catalog, HostConsole console, RunLog log, CancellationToken cancellation)
    {
        Document = document;
        Catalog = catalog;
        Console = console;
        Log = log;
        Cancellation = cancellation;
    }

    public PipelineDocument Document { get; }

    public string RunDirectory => Document.RunDirectory;

    public PluginCatalog Catalog { get; }

    public HostConsole Console { get; }

    public RunLog Log { get; }

    public CancellationToken Cancellation { get; }

    public LoadedPlugin Plugin(StepInvocation step) =>
        Catalog.Find(step.PluginName ?? throw new InvalidOperationException($"Step '{step.Id}' names no plugin."))
        ?? throw new InvalidOperationException($"Plugin '{step.PluginName}' is not loaded.");

    /// <summary>
    /// The training folder ('out') of the last train step before <paramref name="step"/>, or null when none trains before
    /// it: where a convert or report step finds the model and the losses when it names none.
    /// </summary>
    public string? TrainingFolderBefore(StepInvocation step) =>
        Document.Steps.LastOrDefault(s => s.Index < step.Index && s.Kind == "train")?.GetPath("out");

    /// <summary>What the engine's stages run with in this pipeline: its console, log, seed, device and stop signal.</summary>
    public StageEnvironment Environment => new(Console, Log, Document.Seed, Document.Device, Cancellation);
}
