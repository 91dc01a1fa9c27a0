namespace StyleForge.Engine.Evaluation;

/// <summary>
/// The light metrics of a whole set: lit-window F1 over every window of every scored image (2 hits / (2 hits + false
/// alarms + misses); null when no window is lit in the truth or the prediction), the mean of the per-image glow errors
/// over scenes with a lamp, and the median checkerboard measure of the predictions against the truths' (their ratio).
/// The checkerboard is summed up by the median, so that a few scenes with little else at those frequencies do not
/// decide it; the median reads the typical image.
/// </summary>
/// <param name="MaskDirectory">Where the truth's light masks were read.</param>
/// <param name="Images">Images scored with a mask.</param>
/// <param name="LitWindowF1">F1 of the lit windows over all windows of those images.</param>
/// <param name="LitHits">Windows lit in the truth and the prediction.</param>
/// <param name="LitFalseAlarms">Windows lit in the prediction only.</param>
/// <param name="LitMisses">Windows lit in the truth only.</param>
/// <param name="MeanGlowError">Mean of the per-image glow errors; null when no scene has a lamp.</param>
/// <param name="MedianCheckerboard">Median checkerboard measure of the predictions; null when no image was large enough to measure.</param>
/// <param name="TruthCheckerboard">Median checkerboard measure of their truths; null likewise.</param>
/// <param name="CheckerboardRatio">The first over the second: 1 matches the truth; null when either is missing or the truths' is 0.</param>
public sealed record LightSummary(
    string MaskDirectory,
    int Images,
    double? LitWindowF1,
    int LitHits,
    int LitFalseAlarms,
    int LitMisses,
    double? MeanGlowError,
    double? MedianCheckerboard,
    double? TruthCheckerboard,
    double? CheckerboardRatio)
{
    /// <summary>
    /// A checkerboard ratio up to this is within what images without a visible grid read: on the sample data the day
    /// input, colour transfer and every resize-upsampling generator measured 0.83x to 3.46x the truth's (the highest a
    /// weight-averaged model early in training), and every transposed-convolution generator, even one trained on the
    /// answer, 8.7x or more. Above it, the report warns of a grid.
    /// </summary>
    public const double GridTolerance = 5.0;

    /// <summary>The summary of <paramref name="scores"/>; null when none was scored with a mask.</summary>
    public static LightSummary? Create(string maskDirectory, IReadOnlyList<LightScore> scores)
    {
        if (scores.Count == 0)
        {
            return null;
        }
        var hits = scores.Sum(s => s.LitHits);
        var falseAlarms = scores.Sum(s => s.LitFalseAlarms);
        var misses = scores.Sum(s => s.LitMisses);
        var counted = 2 * hits + falseAlarms + misses;
        var glow = scores.Where(s => s.GlowError is not null).Select(s => s.GlowError!.Value).ToList();
        var checkerboard = Median(scores.Select(s => s.Checkerboard));
        var truth = Median(scores.Select(s => s.TruthCheckerboard));
        return new LightSummary(maskDirectory, scores.Count, counted == 0 ? null : 2.0 * hits / counted, hits, falseAlarms, misses,
            glow.Count == 0 ? null : glow.Average(), checkerboard, truth, truth > 0 ? checkerboard / truth : null);
    }

    /// <summary>The median of the measured values; null when no image was measured.</summary>
    private static double? Median(IEnumerable<double?> values)
    {
        var measured = values.OfType<double>().ToList();
        return measured.Count == 0 ? null : Medians.Of(measured);
    }
}
