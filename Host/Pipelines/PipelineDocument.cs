namespace StyleForge.Host.Pipelines;

/// <summary>A validated pipeline, ready to run.</summary>
internal sealed record PipelineDocument(
    string FilePath,
    string Name,
    string RunDirectory,
    string Device,
    int Seed,
    IReadOnlyList<StepInvocation> Steps);
