using StyleForge.Engine.Sampling;
using StyleForge.Host.Requests;

namespace StyleForge.Host.Pipelines.Steps;

/// <summary><c>kind: sample</c>: writes a built-in sample data set, skipping it when the folder already holds the same content.</summary>
internal sealed class SampleStep : IPipelineStep
{
    public string Kind => "sample";

    public string Description => "Generate the built-in procedural day/night texture set (skipped when already present).";

    public IReadOnlyList<StepKey> Keys { get; } = new[]
    {
        new StepKey("dataset", StepKeyType.Choice, "which sample set to generate", DayNightSample.Kind) { Choices = new[] { DayNightSample.Kind } },
        new StepKey("out", StepKeyType.OutputPath, "folder for trainA, trainB, testA and testB_truth", "{run}/data"),
        new StepKey("count", StepKeyType.Integer, "textures in each of trainA and trainB", SampleParameters.DefaultTrainCount.ToString()) { Minimum = 1 },
        new StepKey("test_count", StepKeyType.Integer, "held-out scenes in testA and testB_truth", SampleParameters.DefaultTestCount.ToString()) { Minimum = 1 },
        new StepKey("size", StepKeyType.Integer, "side of every texture in pixels", SampleParameters.DefaultSize.ToString())
        {
            Minimum = SampleParameters.MinimumSize,
            Maximum = SampleParameters.MaximumSize,
        },
        new StepKey("seed", StepKeyType.Integer, "selects the scenes; the same values always give the same files", "0"),
    };

    public StepPluginUse PluginUse => StepPluginUse.None;

    public Task<int> RunAsync(StepInvocation step, PipelineRun run)
    {
        SampleParameters parameters;
        try
        {
            parameters = SampleRequestBuilder.Build(step.GetText("dataset"), step.GetInteger("size"), step.GetInteger("count"),
                step.GetInteger("test_count"), step.GetInteger("seed"));
        }
        catch (ArgumentException ex)
        {
            throw new StepFailedException($"{step.Where}: step '{step.Id}': {ex.Message}");
        }
        SampleLauncher.Run(run.Console, step.GetPath("out"), parameters, run.Cancellation);
        return Task.FromResult(0);
    }
}
