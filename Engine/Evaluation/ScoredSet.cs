namespace StyleForge.Engine.Evaluation;

/// <summary>The quality of one image against its truth; <paramref name="Light"/> when the truth has a light mask.</summary>
public sealed record ImageScore(string Path, double Psnr, double Ssim, LightScore? Light = null);

/// <summary>A file that could not be scored, and why.</summary>
public sealed record ScoreFailure(string Path, string Reason);

/// <summary>
/// The scores of one folder of predictions against the truth: per image, and the mean over the
/// matched images (mean of per-image PSNR, mean of per-image SSIM; null when nothing matched), and the light metrics
/// when the truth has light masks (<paramref name="Light"/>, null otherwise).
/// </summary>
public sealed record ScoredSet(
    string Name,
    string PredictionDirectory,
    string TruthDirectory,
    double? MeanPsnr,
    double? MeanSsim,
    IReadOnlyList<ImageScore> Images,
    IReadOnlyList<string> UnmatchedPredictions,
    IReadOnlyList<string> UnmatchedTruth,
    IReadOnlyList<ScoreFailure> Failures,
    LightSummary? Light = null)
{
    public bool Complete => Images.Count > 0 && Failures.Count == 0;
}
