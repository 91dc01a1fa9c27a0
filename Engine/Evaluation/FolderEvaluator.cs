using StyleForge.Engine.Sampling;
using StyleForge.Engine.Textures;

namespace StyleForge.Engine.Evaluation;

/// <summary>
/// Scores a folder of predictions against a folder of truth, matching files by relative path. With a folder of light
/// masks, an image whose truth has a mask at the same relative path (extension .json) also gets the light metrics.
/// </summary>
public static class FolderEvaluator
{
    public static ScoredSet Evaluate(EvaluationRequest request, CancellationToken cancellation) =>
        Evaluate(request.Name, request.Predictions, request.Truth, request.Lights, cancellation);

    public static ScoredSet Evaluate(string name, string predictionDirectory, string truthDirectory, string? lightDirectory, CancellationToken cancellation)
    {
        var predictions = TextureFolder.Open(predictionDirectory);
        var truth = TextureFolder.Open(truthDirectory);
        var predictionIndex = Enumerable.Range(0, predictions.Count).ToDictionary(predictions.GetRelativePath, StringComparer.Ordinal);
        var truthIndex = Enumerable.Range(0, truth.Count).ToDictionary(truth.GetRelativePath, StringComparer.Ordinal);
        var matched = predictionIndex.Keys.Where(truthIndex.ContainsKey).Order(StringComparer.Ordinal).ToList();

        var scores = new ImageScore?[matched.Count];
        var failures = new ScoreFailure?[matched.Count];
        Parallel.For(0, matched.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var path = matched[i];
            try
            {
                var predicted = predictions.Load(predictionIndex[path]);
                var expected = truth.Load(truthIndex[path]);
                var maskPath = lightDirectory is null ? null : Path.ChangeExtension(Path.Combine(lightDirectory, path), LightMask.Extension);
                var light = maskPath is not null && File.Exists(maskPath) ? LightScore.Score(predicted, expected, LightMask.Read(maskPath)) : null;
                scores[i] = new ImageScore(path, ImageQuality.Psnr(predicted, expected), ImageQuality.Ssim(predicted, expected), light);
            }
            catch (InvalidDataException ex)
            {
                failures[i] = new ScoreFailure(path, ex.Message);
            }
        });
        var images = scores.OfType<ImageScore>().ToList();
        return new ScoredSet(
            name,
            predictionDirectory,
            truthDirectory,
            images.Count == 0 ? null : images.Average(s => s.Psnr),
            images.Count == 0 ? null : images.Average(s => s.Ssim),
            images,
            predictionIndex.Keys.Where(p => !truthIndex.ContainsKey(p)).Order(StringComparer.Ordinal).ToList(),
            truthIndex.Keys.Where(p => !predictionIndex.ContainsKey(p)).Order(StringComparer.Ordinal).ToList(),
            failures.OfType<ScoreFailure>().ToList(),
            lightDirectory is null ? null : LightSummary.Create(lightDirectory, images.Select(s => s.Light).OfType<LightScore>().ToList()));
    }
}
