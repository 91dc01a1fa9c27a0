using System.Text.Json;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Textures;
using StyleForge.Engine.Training;
using StyleForge.Host.Pipelines;
using Xunit;

namespace StyleForge.EndToEnd.Tests;

/// <summary>
/// Runs pipelines/daynight.yaml itself, in-process, with tiny settings given through --set overrides,
/// and checks every artefact a user would look at.
/// </summary>
public sealed class DayNightPipelineTests
{
    private static readonly string Pipeline = Path.Combine(RepoLayout.Root, "pipelines", "daynight.yaml");

    [Fact]
    public async Task The_default_pipeline_with_tiny_settings_produces_every_artefact()
    {
        using var folder = new TempFolder();
        var run = folder.Combine("run");
        var console = new TestConsole();
        using var catalog = PluginCatalog.Load(new[] { RepoLayout.HostPlugins });
        var overrides = new[]
        {
            $"run_dir={run}",
            "sample.count=6", "sample.test_count=3", "sample.size=32",
            "train.iterations=4", "train.ngf=4", "train.ndf=4", "train.blocks=1",
            "train.load_size=32", "train.crop_size=32", "train.sample_every=2", "train.checkpoint_every=4",
        };

        // Given the shipped pipeline, when it runs with tiny settings.
        var document = new PipelineLoader(StepKinds.All, catalog).Load(Pipeline, overrides);
        var exitCode = await new PipelineRunner(console.Console, catalog).RunAsync(document, CancellationToken.None);

        // Then it succeeds ...
        Assert.True(exitCode == 0, $"exit {exitCode}\n{console.Error}");

        // ... the sample set has the asked-for counts and size ...
        int Count(string relative) => TextureFolder.Open(Path.Combine(run, relative)).Count;
        Assert.Equal(6, Count("data/trainA"));
        Assert.Equal(6, Count("data/trainB"));
        Assert.Equal(3, Count("data/testA"));
        Assert.Equal(3, Count("data/testB_truth"));

        // ... the run folder is the training folder: it holds the loss log and sample sheets, and the exported model,
        // which names its plugin, is {run}/model with no second level ...
        Assert.True(File.Exists(Path.Combine(run, "losses.csv")), "losses.csv missing");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(run, "samples"), "*.png"));
        Assert.True(File.Exists(Path.Combine(run, "model", ModelManifest.FileName)), "the model is not in {run}/model");
        Assert.False(Directory.Exists(Path.Combine(run, "model", "model")), "the model must not sit in {run}/model/model");

        // ... and the run folder and the model folder both lead to it, as `convert --model runs/daynight` needs ...
        var model = ModelManifest.Locate(run);
        Assert.NotNull(model);
        Assert.Equal("cyclegan", model.Value.Manifest.Plugin);
        Assert.Equal(Path.Combine(run, "model"), model.Value.Directory);
        Assert.Equal(model.Value.Directory, ModelManifest.Locate(Path.Combine(run, "model"))?.Directory);

        // ... every test texture was converted both ways at its own size ...
        var inputs = TextureFolder.Open(Path.Combine(run, "data", "testA"));
        foreach (var converted in new[] { "converted/testA", "converted/cycle" })
        {
            var outputs = TextureFolder.Open(Path.Combine(run, converted));
            Assert.Equal(inputs.Count, outputs.Count);
            for (var i = 0; i < inputs.Count; i++)
            {
                Assert.Equal(inputs.GetRelativePath(i), outputs.GetRelativePath(i));
                var texture = outputs.Load(i);
                Assert.Equal((32, 32), (texture.Width, texture.Height));
            }
        }

        // ... metrics.json scores the model and both baselines on all three test scenes ...
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        var root = metrics.RootElement;
        Assert.Equal(3, root.GetProperty("model").GetProperty("images").GetArrayLength());
        Assert.Equal(new[] { "identity", "colortransfer" },
            root.GetProperty("baselines").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.All(root.GetProperty("baselines").EnumerateArray(), b => Assert.Equal(3, b.GetProperty("images").GetArrayLength()));
        Assert.True(root.GetProperty("psnr_gain_db").ValueKind == JsonValueKind.Number);

        // ... timings cover every step before the report ...
        using var timings = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, PipelineRunner.TimingsFile)));
        Assert.All(timings.RootElement.GetProperty("steps").EnumerateArray(), s => Assert.Equal("ok", s.GetProperty("status").GetString()));

        // ... and the report opens in a real browser with every image decoded:
        // 3 rows x (before, after, truth, baseline, cycle) plus training sample sheets.
        var (loaded, total) = ChromiumPage.CountImages(Path.Combine(run, "report.html"));
        Assert.Equal(total, loaded);
        Assert.True(total >= 3 * 5 + 1, $"only {total} images in the report");
        Assert.Contains("report.html", console.Error);
    }
}
