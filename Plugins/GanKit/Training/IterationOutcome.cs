using StyleForge.Plugins.GanKit.Reporting;


namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// What one training update did: the losses it applied (and a sample sheet when asked), or, when
/// <see cref="Rejection"/> is set, nothing at all because that value was not finite.
/// </summary>
internal sealed record IterationOutcome(Dictionary<string, double> Losses, SampleSheet? Sample, string? Rejection)
{
    public static IterationOutcome Rejected(string rejection) => new([], null, rejection);
}
