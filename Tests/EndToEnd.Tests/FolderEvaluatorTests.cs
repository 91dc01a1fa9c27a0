using StyleForge.Engine.Evaluation;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.EndToEnd.Tests;

public sealed class FolderEvaluatorTests
{
    private static void Write(TempFolder folder, string relative, float value)
    {
        var texture = new TextureBuffer(16, 16, 3, Enumerable.Repeat(value, 16 * 16 * 3).ToArray());
        AtomicFile.Write(folder.Combine(relative), s => TextureCodec.SavePng(texture, s));
    }

    [Fact]
    public void Files_are_matched_by_relative_path_and_the_rest_is_reported()
    {
        // Given predictions and truth sharing two paths (one in a subfolder), with one extra file on each side.
        using var folder = new TempFolder();
        Write(folder, "pred/a.png", 0.4f);
        Write(folder, "pred/sub/b.png", 0.5f);
        Write(folder, "pred/only_pred.png", 0.5f);
        Write(folder, "truth/a.png", 0.4f);
        Write(folder, "truth/sub/b.png", 0.6f);
        Write(folder, "truth/only_truth.png", 0.5f);

        var scores = FolderEvaluator.Evaluate("model", folder.Combine("pred"), folder.Combine("truth"), null, CancellationToken.None);

        Assert.Equal(new[] { "a.png", "sub/b.png" }, scores.Images.Select(i => i.Path));
        Assert.Equal(ImageQuality.IdenticalPsnr, scores.Images[0].Psnr);
        // 0.5 vs 0.6 stored as 8-bit: 128/255 vs 153/255, so PSNR = 20 log10(255 / 25).
        Assert.Equal(20 * Math.Log10(255.0 / 25), scores.Images[1].Psnr, 4);
        Assert.Equal((scores.Images[0].Psnr + scores.Images[1].Psnr) / 2, scores.MeanPsnr!.Value, 9);
        Assert.Equal(new[] { "only_pred.png" }, scores.UnmatchedPredictions);
        Assert.Equal(new[] { "only_truth.png" }, scores.UnmatchedTruth);
        Assert.True(scores.Complete);
    }

    [Fact]
    public void A_file_that_cannot_be_decoded_fails_alone_with_its_path()
    {
        using var folder = new TempFolder();
        Write(folder, "pred/good.png", 0.5f);
        Write(folder, "truth/good.png", 0.5f);
        folder.Write("pred/broken.png", "not a png");
        Write(folder, "truth/broken.png", 0.5f);

        var scores = FolderEvaluator.Evaluate("model", folder.Combine("pred"), folder.Combine("truth"), null, CancellationToken.None);

        Assert.Single(scores.Images);
        Assert.Equal("broken.png", Assert.Single(scores.Failures).Path);
        Assert.False(scores.Complete);
    }

    [Fact]
    public void The_report_names_the_better_baseline_by_psnr_and_the_gain_over_it()
    {
        ScoredSet Set(string name, double psnr, double ssim) =>
            new(name, "p", "t", psnr, ssim, new[] { new ImageScore("x.png", psnr, ssim) }, Array.Empty<string>(), Array.Empty<string>(), Array.Empty<ScoreFailure>());

        var report = MetricsReport.Create(Set("cyclegan", 25, 0.8), new[] { Set("identity", 8, 0.3), Set("colortransfer", 15, 0.5) });

        Assert.Equal("colortransfer", report.BestBaseline);
        Assert.Equal(10, report.PsnrGainDb!.Value, 9);
        Assert.Equal(0.3, report.SsimGain!.Value, 9);
    }
}
