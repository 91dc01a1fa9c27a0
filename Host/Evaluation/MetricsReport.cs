using System.Text.Json;
using StyleForge.Host.Runs;

namespace StyleForge.Host.Evaluation;

/// <summary>
/// metrics.json: the model's scores, the baselines' scores on the same files, and the gain over the
/// better baseline (the one with the higher mean PSNR).
/// </summary>
internal sealed record MetricsReport(
    ScoredSet Model,
    IReadOnlyList<ScoredSet> Baselines,
    string? BestBaseline,
    double? PsnrGainDb,
    double? SsimGain,
    string Method)
{
    public const string FileName = "metrics.json";

    public const string MethodDescription =
        "PSNR: 10 log10(1/MSE) over RGB values in [0,1] as stored (sRGB), mean of per-image values, 100 dB for identical images. " +
        "SSIM: Wang et al. 2004 on luminance Y = 0.299R + 0.587G + 0.114B, 11x11 Gaussian window sigma 1.5, K1 0.01, K2 0.03, " +
        "mean over valid window positions, then mean over images. Files are matched by relative path.";

    public static MetricsReport Create(ScoredSet model, IReadOnlyList<ScoredSet> baselines)
    {
        var best = baselines.Where(b => b.MeanPsnr is not null).MaxBy(b => b.MeanPsnr);
        return new MetricsReport(model, baselines, best?.Name,
            model.MeanPsnr - best?.MeanPsnr, model.MeanSsim - best?.MeanSsim, MethodDescription);
    }

    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions.Indented);

    public static MetricsReport? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<MetricsReport>(File.ReadAllText(path), JsonOptions.Indented) : null;
}
