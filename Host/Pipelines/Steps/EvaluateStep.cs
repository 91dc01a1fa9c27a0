using StyleForge.Host.Evaluation;
using StyleForge.Host.Sampling;

namespace StyleForge.Host.Pipelines.Steps;

/// <summary>
/// <c>kind: evaluate</c>: scores converted textures against held-out truth (PSNR, SSIM, and where the truth has light
/// masks the light metrics), and scores the baselines on the same files, identity (the input itself) and ColorTransfer,
/// so the gain is visible.
/// </summary>
internal sealed class EvaluateStep : IPipelineStep
{
    public const string ColorTransferPlugin = "colortransfer";

    public string Kind => "evaluate";

    public string Description => "Score converted textures against the truth (PSNR, SSIM; lit-window F1, glow error and checkerboard where the truth has light masks) beside the identity and ColorTransfer baselines; writes metrics.json.";

    public IReadOnlyList<StepKey> Keys { get; } = new[]
    {
        new StepKey("pred", StepKeyType.InputPath, "folder of converted textures to score", "{run}/converted/testA"),
        new StepKey("truth", StepKeyType.InputPath, "folder of the true results, matched to 'pred' by relative path", $"{{run}}/data/{DayNightSample.TestTruth}"),
        new StepKey("lights", StepKeyType.InputPath, $"optional: the truth's light masks; when absent, the {DayNightSample.TestLights} folder beside 'truth' if there is one"),
        new StepKey("input", StepKeyType.InputPath, "the unconverted inputs of 'pred': the identity baseline, and what ColorTransfer converts", $"{{run}}/data/{DayNightSample.TestA}"),
        new StepKey("train_a", StepKeyType.InputPath, "domain A training folder for the ColorTransfer baseline", $"{{run}}/data/{DayNightSample.TrainA}"),
        new StepKey("train_b", StepKeyType.InputPath, "domain B training folder for the ColorTransfer baseline", $"{{run}}/data/{DayNightSample.TrainB}"),
        new StepKey("baselines", StepKeyType.Boolean, "also score the identity and ColorTransfer baselines", "true"),
        new StepKey("out", StepKeyType.OutputPath, "the metrics JSON file to write", "{run}/" + MetricsReport.FileName) { IsFile = true },
    };

    public StepPluginUse PluginUse => StepPluginUse.None;

    public Task<int> RunAsync(StepInvocation step, PipelineRun run)
    {
        var truth = step.GetPath("truth");
        var lights = step.GetOptionalPath("lights") ?? DayNightSample.LightsBeside(truth);
        var modelName = run.Document.Steps.LastOrDefault(s => s.Index < step.Index && s.Kind == "train")?.PluginName ?? "model";
        var model = FolderEvaluator.Evaluate(modelName, step.GetPath("pred"), truth, lights, run.Cancellation);
        if (model.Images.Count == 0)
        {
            throw new StepFailedException($"{step.Where}: step '{step.Id}': no file of {model.PredictionDirectory} has a match by relative path in {truth}");
        }
        var baselines = new List<ScoredSet>();
        if (step.GetBoolean("baselines"))
        {
            var input = step.GetPath("input");
            baselines.Add(FolderEvaluator.Evaluate("identity", input, truth, lights, run.Cancellation));
            var colorTransfer = run.Catalog.Find(ColorTransferPlugin)
                ?? throw new StepFailedException($"{step.Where}: step '{step.Id}' needs the '{ColorTransferPlugin}' plugin for its baseline; it is not installed (see 'styleforge plugins'), or set 'baselines: false'");
            var converted = PluginBaseline.Produce(colorTransfer, step.GetPath("train_a"), step.GetPath("train_b"), input,
                Path.Combine(run.RunDirectory, "baselines", ColorTransferPlugin), run);
            baselines.Add(FolderEvaluator.Evaluate(ColorTransferPlugin, converted, truth, lights, run.Cancellation));
        }
        var report = MetricsReport.Create(model, baselines);
        var output = step.GetPath("out");
        report.Write(output);
        run.Console.Output.Write(MetricsTable.Summary(report));
        LightMetricsNotice.Show(run.Console, model, truth, lights);
        run.Console.Info($"metrics: {output}");
        foreach (var warning in report.Warnings ?? [])
        {
            run.Console.Warn(warning);
        }
        foreach (var set in baselines.Prepend(model).Where(s => !s.Complete || s.UnmatchedPredictions.Count > 0 || s.UnmatchedTruth.Count > 0))
        {
            EvaluationWarnings.Show(run.Console, set);
        }
        return Task.FromResult(model.Complete ? 0 : 1);
    }
}
