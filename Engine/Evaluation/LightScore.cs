using StyleForge.Engine.Sampling;
using StyleForge.Plugins;

namespace StyleForge.Engine.Evaluation;

/// <summary>
/// Where the light is, in one prediction against its truth's <see cref="LightMask"/>: the windows the prediction lights
/// (by <see cref="WindowLighting"/>) against the windows lit in the truth, the mean absolute luminance error inside the
/// lamps' glow, and the checkerboard measure of the prediction and of the truth.
/// </summary>
/// <param name="LitHits">Windows lit in the truth and in the prediction.</param>
/// <param name="LitFalseAlarms">Windows the prediction lights that are dark in the truth.</param>
/// <param name="LitMisses">Windows lit in the truth that the prediction leaves dark.</param>
/// <param name="PredictedLit">Index into the mask's windows of every window the prediction lights (for the report's strip).</param>
/// <param name="GlowError">Mean |Y prediction - Y truth| over glow pixels; null when the scene has no lamp.</param>
/// <param name="Checkerboard">The prediction's <see cref="CheckerboardMeasure"/>; null for an image too small to measure.</param>
/// <param name="TruthCheckerboard">The truth's <see cref="CheckerboardMeasure"/>; null likewise.</param>
public sealed record LightScore(
    int LitHits,
    int LitFalseAlarms,
    int LitMisses,
    IReadOnlyList<int> PredictedLit,
    double? GlowError,
    double? Checkerboard,
    double? TruthCheckerboard)
{
    public static LightScore Score(TextureBuffer prediction, TextureBuffer truth, LightMask mask)
    {
        ImageQuality.RequireSameSize(prediction, truth);
        if (mask.Width != truth.Width || mask.Height != truth.Height)
        {
            throw new InvalidDataException($"light mask is for {mask.Width}x{mask.Height}, the truth is {truth.Width}x{truth.Height}");
        }
        var predicted = ImageQuality.Luminance(prediction);
        var expected = ImageQuality.Luminance(truth);
        var lit = WindowLighting.Lit(predicted, mask);
        var hits = mask.Windows.Where((w, i) => w.Lit && lit[i]).Count();
        var falseAlarms = mask.Windows.Where((w, i) => !w.Lit && lit[i]).Count();
        var misses = mask.Windows.Where((w, i) => w.Lit && !lit[i]).Count();
        return new LightScore(hits, falseAlarms, misses, Enumerable.Range(0, lit.Length).Where(i => lit[i]).ToList(),
            MeanGlowError(predicted, expected, mask),
            CheckerboardMeasure.Of(predicted, prediction.Width, prediction.Height),
            CheckerboardMeasure.Of(expected, truth.Width, truth.Height));
    }

    private static double? MeanGlowError(double[] predicted, double[] expected, LightMask mask)
    {
        var sum = 0.0;
        var count = 0;
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                if (mask.IsGlow(x, y))
                {
                    sum += Math.Abs(predicted[y * mask.Width + x] - expected[y * mask.Width + x]);
                    count++;
                }
            }
        }
        return count == 0 ? null : sum / count;
    }
}
