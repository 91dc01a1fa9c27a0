namespace StyleForge.Engine.Runs;

/// <summary>The files every pipeline run folder holds besides the stages' outputs; the runner writes them, the report reads them.</summary>
public static class RunFolder
{
    public const string ResolvedConfigFile = "pipeline.resolved.json";
    public const string TimingsFile = "timings.json";
    public const string LogFile = "run.log";
}
