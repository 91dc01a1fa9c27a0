using StyleForge.Host.Pipelines.Steps;

namespace StyleForge.Host.Pipelines;

/// <summary>The step kinds a pipeline may use, in the order they usually run.</summary>
internal static class StepKinds
{
    public static IReadOnlyList<IPipelineStep> All { get; } = new IPipelineStep[]
    {
        new SampleStep(),
        new TrainStep(),
        new ConvertStep(),
        new EvaluateStep(),
        new ReportStep(),
        new PreviewStep(),
    };
}
