namespace StyleForge.Engine.Reporting;

/// <summary>Where the report reads each of its sections from. Missing optional sources leave their section saying so.</summary>
/// <param name="RunDirectory">The run folder: pipeline.resolved.json and timings.json are read from here.</param>
/// <param name="Before">The test inputs.</param>
/// <param name="After">The model's conversions of <paramref name="Before"/>, same relative paths.</param>
/// <param name="Truth">The true results, same relative paths; may be absent.</param>
/// <param name="Cycle">The conversions of <paramref name="After"/> back again (cycle check); may be absent.</param>
/// <param name="Baseline">A baseline's conversions of <paramref name="Before"/>; may be absent.</param>
/// <param name="Model">The trained model folder: losses.csv, losses.png and samples/*.png.</param>
/// <param name="Metrics">metrics.json written by the evaluate step; may be absent.</param>
/// <param name="MaxRows">Most test textures shown in the grid.</param>
public sealed record ReportSources(
    string RunDirectory,
    string Before,
    string After,
    string? Truth,
    string? Cycle,
    string? Baseline,
    string Model,
    string? Metrics,
    int MaxRows);
