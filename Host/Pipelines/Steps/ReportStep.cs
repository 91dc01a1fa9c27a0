using StyleForge.Engine.Evaluation;
using StyleForge.Engine.Reporting;
using StyleForge.Engine.Sampling;

namespace StyleForge.Host.Pipelines.Steps;

/// <summary><c>kind: report</c>: writes one self-contained HTML report of the run and prints where it is.</summary>
internal sealed class ReportStep : IPipelineStep
{
    public string Kind => "report";

    public string Description => "Write report.html: metrics with baselines, before/after/truth grid, loss curves, training samples, timings, config.";

    public IReadOnlyList<StepKey> Keys { get; } = new[]
    {
        new StepKey("out", StepKeyType.OutputPath, "the HTML file to write", "{run}/report.html") { IsFile = true },
        new StepKey("before", StepKeyType.InputPath, "the test inputs", $"{{run}}/data/{DayNightSample.TestA}"),
        new StepKey("after", StepKeyType.InputPath, "the model's conversions of 'before'", "{run}/converted/testA"),
        new StepKey("truth", StepKeyType.InputPath, "the true results of 'before'", $"{{run}}/data/{DayNightSample.TestTruth}"),
        new StepKey("cycle", StepKeyType.InputPath, "optional: 'after' converted back, shown as a cycle check"),
        new StepKey("model", StepKeyType.InputPath, "the training folder (losses.csv, losses.png, samples/); absent: the 'out' of the last train step before this one"),
        new StepKey("metrics", StepKeyType.InputPath, "metrics.json from the evaluate step", "{run}/" + MetricsReport.FileName) { IsFile = true },
        new StepKey("max_rows", StepKeyType.Integer, "most test textures shown in the grid", "24") { Minimum = 1 },
    };

    public StepPluginUse PluginUse => StepPluginUse.None;

    public Task<int> RunAsync(StepInvocation step, PipelineRun run)
    {
        var baseline = Path.Combine(EvaluateStep.BaselineDirectory(run), "converted");
        var sources = new ReportSources(
            run.RunDirectory,
            step.GetPath("before"),
            step.GetPath("after"),
            step.GetOptionalPath("truth"),
            step.GetOptionalPath("cycle"),
            Directory.Exists(baseline) ? baseline : null,
            step.GetOptionalPath("model") ?? run.TrainingFolderBefore(step) ?? run.RunDirectory,
            File.Exists(step.GetPath("metrics")) ? step.GetPath("metrics") : null,
            (int)Math.Max(1, step.GetInteger("max_rows")));
        var output = step.GetPath("out");
        var images = RunReport.Write(sources, output);
        run.Console.Info($"report: {output} ({images} images embedded; open it in any browser)");
        return Task.FromResult(0);
    }
}
