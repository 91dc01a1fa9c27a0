using StyleForge.Engine.Evaluation;
using StyleForge.Engine.Sampling;
using StyleForge.Host.Requests;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Pipelines.Steps;

/// <summary>
/// <c>kind: evaluate</c>: scores converted textures against held-out truth (PSNR, SSIM, and where the truth has light
/// masks the light metrics), and scores the baselines on the same files, identity (the input itself) and ColorTransfer,
/// so the gain is visible. Further models' conversions ('compare') are scored the same way and reported side by side.
/// </summary>
internal sealed class EvaluateStep : IPipelineStep
{
    public string Kind => "evaluate";

    public string Description => "Score converted textures against the truth (PSNR, SSIM; lit-window F1, glow error and checkerboard where the truth has light masks) beside the identity and ColorTransfer baselines; writes metrics.json.";

    public IReadOnlyList<StepKey> Keys { get; } = new[]
    {
        new StepKey("pred", StepKeyType.InputPath, "folder of converted textures to score", "{run}/converted/testA"),
        new StepKey("truth", StepKeyType.InputPath, "folder of the true results, matched to 'pred' by relative path", $"{{run}}/data/{DayNightSample.TestTruth}"),
        new StepKey("lights", StepKeyType.InputPath, $"optional: the truth's light masks; when absent, the {DayNightSample.TestLights} folder beside 'truth' if there is one"),
        new StepKey("input", StepKeyType.InputPath, "the unconverted inputs of 'pred': the identity baseline, and what ColorTransfer converts", $"{{run}}/data/{DayNightSample.TestA}") { UsedOnlyWith = "baselines" },
        new StepKey("train_a", StepKeyType.InputPath, "domain A training folder for the ColorTransfer baseline", $"{{run}}/data/{DayNightSample.TrainA}") { UsedOnlyWith = "baselines" },
        new StepKey("train_b", StepKeyType.InputPath, "domain B training folder for the ColorTransfer baseline", $"{{run}}/data/{DayNightSample.TrainB}") { UsedOnlyWith = "baselines" },
        new StepKey("name", StepKeyType.Text, "the model's name in the metrics; absent: the plugin of the last train step before this one"),
        new StepKey("compare", StepKeyType.InputPathList, "optional: more folders of converted textures (other models), each scored like 'pred' and named by its folder's name"),
        new StepKey("baselines", StepKeyType.Boolean, "also score the identity and ColorTransfer baselines", "true"),
        new StepKey("out", StepKeyType.OutputPath, "the metrics JSON file to write", "{run}/" + MetricsReport.FileName) { IsFile = true },
    };

    public StepPluginUse PluginUse => StepPluginUse.None;

    /// <summary>The trained baseline needs its plugin (<see cref="PluginDefaults.Baseline"/>); a missing one is found at load, not after training.</summary>
    public IEnumerable<StepProblem> Check(StepInvocation step, StepCheckContext context)
    {
        if (step.GetBoolean("baselines") && context.Catalog.Find(PluginDefaults.Baseline) is null)
        {
            yield return new StepProblem("baselines",
                $"the ColorTransfer baseline needs the '{PluginDefaults.Baseline}' plugin: {context.Catalog.WhyMissing(PluginDefaults.Baseline)}; install it, or set 'baselines: false'");
        }
    }

    public Task<int> RunAsync(StepInvocation step, PipelineRun run)
    {
        var modelName = step.Has("name") ? step.GetText("name")
            : run.Document.Steps.LastOrDefault(s => s.Index < step.Index && s.Kind == "train")?.PluginName ?? "model";
        EvaluationRequest Request(string name, string predictions) =>
            EvaluationRequestBuilder.Build(name, predictions, step.GetPath("truth"), step.GetOptionalPath("lights"));
        var modelRequest = Request(modelName, step.GetPath("pred"));
        var (truth, lights) = (modelRequest.Truth, modelRequest.Lights);
        var model = Score(step, modelRequest, run);
        var compared = step.GetTexts("compare").Select(folder => Score(step, Request(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder), run)).ToList();
        var baselines = new List<ScoredSet>();
        if (step.GetBoolean("baselines"))
        {
            var input = step.GetPath("input");
            baselines.Add(FolderEvaluator.Evaluate(Request("identity", input), run.Cancellation));
            var baselinePlugin = run.Catalog.Find(PluginDefaults.Baseline)
                ?? throw new StepFailedException($"{step.Where}: step '{step.Id}' needs the '{PluginDefaults.Baseline}' plugin for its baseline; it is not installed (see 'styleforge plugins'), or set 'baselines: false'");
            var converted = PluginBaseline.Produce(baselinePlugin, step.GetPath("train_a"), step.GetPath("train_b"), input,
                BaselineDirectory(run), run.Environment);
            baselines.Add(FolderEvaluator.Evaluate(Request(PluginDefaults.Baseline, converted), run.Cancellation));
        }
        var report = MetricsReport.Create(model, baselines, compared);
        var output = step.GetPath("out");
        report.Write(output);
        run.Console.Output.Write(MetricsTable.Summary(report));
        LightMetricsNotice.Show(run.Console, model, truth, lights);
        run.Console.Info($"metrics: {output}");
        foreach (var warning in report.Warnings ?? [])
        {
            run.Console.Warn(warning);
        }
        foreach (var set in compared.Concat(baselines).Prepend(model).Where(s => !s.Complete || s.UnmatchedPredictions.Count > 0 || s.UnmatchedTruth.Count > 0))
        {
            EvaluationWarnings.Show(run.Console, set);
        }
        return Task.FromResult(model.Complete && compared.All(c => c.Complete) ? 0 : 1);
    }

    /// <summary>Where the trained baseline lives in a run folder: its model, and its conversions in converted/ (the report shows them).</summary>
    public static string BaselineDirectory(PipelineRun run) => Path.Combine(run.RunDirectory, "baselines", PluginDefaults.Baseline);

    private static ScoredSet Score(StepInvocation step, EvaluationRequest request, PipelineRun run)
    {
        var scored = FolderEvaluator.Evaluate(request, run.Cancellation);
        if (scored.Images.Count == 0)
        {
            throw new StepFailedException($"{step.Where}: step '{step.Id}': no file of {scored.PredictionDirectory} has a match by relative path in {request.Truth}");
        }
        return scored;
    }
}
