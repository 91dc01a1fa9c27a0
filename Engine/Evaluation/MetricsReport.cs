using System.Globalization;
using System.Text.Json;
using StyleForge.Engine.Runs;

namespace StyleForge.Engine.Evaluation;

/// <summary>
/// metrics.json: the model's scores, the baselines' scores on the same files, the gain over the
/// better baseline (the one with the higher mean PSNR), and a warning for every baseline the model scores below,
/// light metrics included. <paramref name="Compared"/> holds further models scored on the same files (null when none),
/// each warned about the same way.
/// </summary>
public sealed record MetricsReport(
    ScoredSet Model,
    IReadOnlyList<ScoredSet> Baselines,
    string? BestBaseline,
    double? PsnrGainDb,
    double? SsimGain,
    string Method,
    IReadOnlyList<string>? Warnings = null,
    IReadOnlyList<ScoredSet>? Compared = null)
{
    public const string FileName = "metrics.json";

    public static readonly string MethodDescription =
        "PSNR: 10 log10(1/MSE) over RGB values in [0,1] as stored (sRGB), mean of per-image values, 100 dB for identical images. " +
        "SSIM: Wang et al. 2004 on luminance Y = 0.299R + 0.587G + 0.114B, 11x11 Gaussian window sigma 1.5, K1 0.01, K2 0.03, " +
        "mean over valid window positions, then mean over images. Files are matched by relative path. " +
        "With light masks: a window is lit when its glass's median Y is at least " + WindowLighting.LitMargin.ToString(CultureInfo.InvariantCulture) + " above the wall's median Y; lit-window F1 = " +
        "2 hits / (2 hits + false alarms + misses) over all windows; glow error = mean |Y - Y truth| inside each lamp's glow, mean over scenes " +
        "with a lamp; checkerboard = energy of Y (mean removed, Hann window) at the 9 off-axis frequencies of a 4-pixel lattice over the mean energy 2 to 4 bins " +
        "around them plus 8-bit rounding noise, median over images, reported as the ratio to the truths' median.";

    public static MetricsReport Create(ScoredSet model, IReadOnlyList<ScoredSet> baselines, IReadOnlyList<ScoredSet>? compared = null)
    {
        var best = baselines.Where(b => b.MeanPsnr is not null).MaxBy(b => b.MeanPsnr);
        var others = compared is { Count: > 0 } ? compared : null;
        var warnings = (others ?? []).Prepend(model).SelectMany(m => BelowBaselines(m, baselines)).ToList();
        return new MetricsReport(model, baselines, best?.Name,
            model.MeanPsnr - best?.MeanPsnr, model.MeanSsim - best?.MeanSsim, MethodDescription, warnings, others);
    }

    /// <summary>The model, then the compared models, then the baselines: the rows of every metrics table.</summary>
    public IEnumerable<ScoredSet> AllSets => (Compared ?? []).Prepend(Model).Concat(Baselines);

    /// <summary>
    /// "cyclegan scores below colortransfer in PSNR (12.20 dB against 15.97 dB)" for each metric and baseline the model
    /// loses to (PSNR, SSIM, and with light masks lit-window F1, glow error and checkerboard). A poor model is a result, not an error, but nobody should read it as a success.
    /// </summary>
    private static IReadOnlyList<string> BelowBaselines(ScoredSet model, IReadOnlyList<ScoredSet> baselines)
    {
        var warnings = new List<string>();
        foreach (var baseline in baselines)
        {
            if (model.MeanPsnr < baseline.MeanPsnr)
            {
                warnings.Add($"{model.Name} scores below the {baseline.Name} baseline in PSNR " +
                    $"({ScoreText.Format(model.MeanPsnr, "0.00")} dB against {ScoreText.Format(baseline.MeanPsnr, "0.00")} dB)");
            }
            if (model.MeanSsim < baseline.MeanSsim)
            {
                warnings.Add($"{model.Name} scores below the {baseline.Name} baseline in SSIM " +
                    $"({ScoreText.Format(model.MeanSsim, "0.000")} against {ScoreText.Format(baseline.MeanSsim, "0.000")})");
            }
            if (model.Light?.LitWindowF1 < baseline.Light?.LitWindowF1)
            {
                warnings.Add($"{model.Name} scores below the {baseline.Name} baseline in lit-window F1 " +
                    $"({ScoreText.Format(model.Light?.LitWindowF1, "0.000")} against {ScoreText.Format(baseline.Light?.LitWindowF1, "0.000")})");
            }
            // Glow error and the checkerboard are the figures where lower is better.
            if (model.Light?.MeanGlowError > baseline.Light?.MeanGlowError)
            {
                warnings.Add($"{model.Name} misses the lamps' glow by more than the {baseline.Name} baseline " +
                    $"(glow error {ScoreText.Format(model.Light?.MeanGlowError, "0.000")} against {ScoreText.Format(baseline.Light?.MeanGlowError, "0.000")})");
            }
            // A ratio that grid-free images also reach is not called a grid.
            if (model.Light?.CheckerboardRatio > baseline.Light?.CheckerboardRatio && model.Light?.CheckerboardRatio > LightSummary.GridTolerance)
            {
                warnings.Add($"{model.Name} shows more of a checkerboard grid than the {baseline.Name} baseline " +
                    $"({ScoreText.Format(model.Light?.CheckerboardRatio, "0.00x")} the truth's against {ScoreText.Format(baseline.Light?.CheckerboardRatio, "0.00x")})");
            }
        }
        return warnings;
    }

    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions.Indented);

    public static MetricsReport? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<MetricsReport>(File.ReadAllText(path), JsonOptions.Indented) : null;
}
