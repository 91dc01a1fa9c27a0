using System.Text.Json;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Textures;
using StyleForge.Host.Pipelines;
using Xunit;

namespace StyleForge.EndToEnd.Tests;

/// <summary>
/// Runs pipelines/daynight-compare.yaml itself, in-process, with tiny settings: CycleGAN, CUT and FastCUT train in
/// one process (two plugins that each ship libtorch), convert the same scenes, and are scored side by side.
/// </summary>
public sealed class DayNightCompareTests
{
    private static readonly string Pipeline = Path.Combine(RepoLayout.Root, "pipelines", "daynight-compare.yaml");

    [Fact]
    public async Task The_comparison_pipeline_with_tiny_settings_scores_three_methods_side_by_side()
    {
        using var folder = new TempFolder();
        var run = folder.Combine("run");
        var console = new TestConsole();
        using var catalog = PluginCatalog.Load(new[] { RepoLayout.HostPlugins });
        var tiny = new[] { "iterations=4", "ngf=4", "ndf=4", "blocks=1", "load_size=32", "crop_size=32", "sample_every=2", "checkpoint_every=4" };
        var overrides = new[] { $"run_dir={run}", "sample.count=6", "sample.test_count=3", "sample.size=32" }
            .Concat(new[] { "train_cyclegan", "train_cut", "train_fastcut" }.SelectMany(step => tiny.Select(setting => $"{step}.{setting}")))
            .Concat(["train_cut.nce_layers=0,4,7,10", "train_fastcut.nce_layers=0,4,7,10"])
            .ToArray();

        // Given the shipped comparison pipeline, when it runs with tiny settings
        var document = new PipelineLoader(StepKinds.All, catalog).Load(Pipeline, overrides);
        var exitCode = await new PipelineRunner(console.Console, catalog).RunAsync(document, CancellationToken.None);

        // Then it succeeds, and each method converted every test scene at its size
        Assert.True(exitCode == 0, $"exit {exitCode}\n{console.Error}");
        foreach (var method in new[] { "cyclegan", "cut", "fastcut" })
        {
            var outputs = TextureFolder.Open(Path.Combine(run, "converted", method));
            Assert.Equal(3, outputs.Count);
            Assert.All(Enumerable.Range(0, 3), i => Assert.Equal((32, 32), (outputs.Load(i).Width, outputs.Load(i).Height)));
        }
        Assert.Equal("iteration,lr,D_real,D_fake,G_GAN,NCE,NCE_Y", File.ReadLines(Path.Combine(run, "cut", "losses.csv")).First());
        Assert.Equal("iteration,lr,D_real,D_fake,G_GAN,NCE", File.ReadLines(Path.Combine(run, "fastcut", "losses.csv")).First());

        // ... metrics.json scores the three models and both baselines on the same three scenes ...
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        var root = metrics.RootElement;
        Assert.Equal("cyclegan", root.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal(new[] { "cut", "fastcut" }, root.GetProperty("compared").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(new[] { "identity", "colortransfer" }, root.GetProperty("baselines").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.All(root.GetProperty("compared").EnumerateArray().Concat(root.GetProperty("baselines").EnumerateArray()),
            set => Assert.Equal(3, set.GetProperty("images").GetArrayLength()));

        // ... and the report has a column for each model, every image decoding in a real browser
        var html = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Contains("<th>after (cut)</th>", html);
        Assert.Contains("<th>after (fastcut)</th>", html);
        var (loaded, total) = ChromiumPage.CountImages(Path.Combine(run, "report.html"));
        Assert.Equal(total, loaded);
        Assert.True(total >= 3 * 6, $"only {total} images in the report");
    }
}
