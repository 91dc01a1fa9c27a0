using StyleForge.Plugins;
using StyleForge.Plugins.Cut;
using StyleForge.Plugins.Cut.Training;
using StyleForge.Plugins.GanKit.Reporting;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.Cut.Tests;

/// <summary>Tiny CUT and FastCUT runs through the plugin, as the host drives it: training, resume, conversion.</summary>
public sealed class CutTrainingTests : IDisposable
{
    private readonly TinyCut _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Training_writes_losses_samples_plot_checkpoint_and_an_a_to_b_model_only()
    {
        // Given a tiny CUT run with a sample every 3 iterations
        using var context = new TestContext(_run.Directory);
        var output = _run.Output();

        // When it trains 6 iterations
        var result = _run.Train(output, TinyCut.Options(("sample_every", "3")), context);

        // Then every iteration was reported with CUT's loss terms, all finite, and the run's files exist
        Assert.Equal(6, result.Iterations);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), context.Reports.Select(r => r.Current));
        Assert.All(context.Reports, r => Assert.All(r.Values.Values, v => Assert.True(double.IsFinite(v))));
        var rows = File.ReadAllLines(Path.Combine(output, LossLog.FileName));
        Assert.Equal("iteration,lr,D_real,D_fake,G_GAN,NCE,NCE_Y", rows[0]);
        Assert.Equal(7, rows.Length);
        Assert.Equal(["iter-00000003.png", "iter-00000006.png"], Directory.GetFiles(Path.Combine(output, "samples")).Select(Path.GetFileName).Order());
        Assert.True(new FileInfo(Path.Combine(output, LossPlot.FileName)).Length > 1000);
        var checkpoint = Directory.GetDirectories(Path.Combine(output, "checkpoints")).Single();
        Assert.Equal(["D.pt", "F.pt", "G.pt", "optimizer_D.pt", "optimizer_F.pt", "optimizer_G.pt", "state.json"],
            Directory.GetFiles(checkpoint).Select(Path.GetFileName).Order());
        Assert.Equal(["G_A.pt", "generator.json"], Directory.GetFiles(result.ModelDirectory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Snapshots_hold_the_a_to_b_generator_of_their_iteration()
    {
        // Given a tiny CUT run of 4 iterations asking for a snapshot every 2
        using var context = new TestContext(_run.Directory);
        var output = _run.Output();

        // When it trains
        var result = _run.Train(output, TinyCut.Options(("iterations", "4"), ("snapshot_every", "2")), context);

        // Then snapshots/ holds iterations 2 and 4 as model folders, and the last is the final model
        var snapshots = Path.Combine(output, TrainingLoop.SnapshotsFolder);
        Assert.Equal(["iter-00000002", "iter-00000004"], Directory.GetDirectories(snapshots).Select(Path.GetFileName).Order());
        Assert.Equal(["G_A.pt", "generator.json"], Directory.GetFiles(Path.Combine(snapshots, "iter-00000002")).Select(Path.GetFileName).Order());
        Assert.Equal(File.ReadAllBytes(Path.Combine(result.ModelDirectory, "G_A.pt")),
            File.ReadAllBytes(Path.Combine(snapshots, "iter-00000004", "G_A.pt")));
    }

    [Fact]
    public void An_averaged_run_trains_as_a_plain_one_exports_the_average_and_resumes_to_the_same_export()
    {
        // Given a plain tiny CUT run of 6 iterations, the same with ema_decay 0.8, and the latter cancelled after 3 and resumed
        var plain = _run.Output("plain");
        var averaged = _run.Output("averaged");
        var interrupted = _run.Output("interrupted");
        var options = TinyCut.Options(("ema_decay", "0.8"), ("checkpoint_every", "3"));
        using (var context = new TestContext(_run.Directory))
        {
            _run.Train(plain, TinyCut.Options(("checkpoint_every", "3")), context);
            _run.Train(averaged, options, context);
        }
        using (var cancelled = new TestContext(_run.Directory, cancelAfter: 3))
        {
            Assert.Throws<OperationCanceledException>(() => _run.Train(interrupted, options, cancelled));
        }
        using (var resumed = new TestContext(_run.Directory))
        {
            _run.Train(interrupted, options, resumed, resume: true);
        }

        // Then the averaged run trained exactly as the plain one, its checkpoint also holds G_ema, and its model is that average
        Assert.Equal(File.ReadAllText(Path.Combine(plain, LossLog.FileName)), File.ReadAllText(Path.Combine(averaged, LossLog.FileName)));
        static string Last(string run) => Directory.GetDirectories(Path.Combine(run, "checkpoints")).Order().Last();
        Assert.Equal(File.ReadAllBytes(Path.Combine(Last(plain), "G.pt")), File.ReadAllBytes(Path.Combine(Last(averaged), "G.pt")));
        var exported = File.ReadAllBytes(Path.Combine(averaged, "model", "G_A.pt"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Last(averaged), "G_ema.pt")), exported);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(plain, "model", "G_A.pt")), exported);
        // And the resumed run exports the same average, byte for byte
        Assert.Equal(exported, File.ReadAllBytes(Path.Combine(interrupted, "model", "G_A.pt")));
    }

    [Fact]
    public void A_checkpoint_from_before_snapshot_every_ema_decay_lambda_chroma_and_head_existed_still_resumes()
    {
        // Given a run stopped after iteration 3 whose state.json lists no snapshot_every, ema_decay, lambda_chroma or head, as
        // older versions wrote it
        var output = _run.Output();
        var options = TinyCut.Options(("checkpoint_every", "3"));
        using (var cancelled = new TestContext(_run.Directory, cancelAfter: 3))
        {
            Assert.Throws<OperationCanceledException>(() => _run.Train(output, options, cancelled));
        }
        var state = Path.Combine(Directory.GetDirectories(Path.Combine(output, "checkpoints")).Single(), "state.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(state))!;
        var saved = json["options"]!.AsObject();
        Assert.True(saved.Remove("snapshot_every") && saved.Remove("ema_decay") && saved.Remove("lambda_chroma") && saved.Remove("head"));
        File.WriteAllText(state, json.ToJsonString());

        // When it is resumed with today's options (their defaults)
        using var resumed = new TestContext(_run.Directory);
        var result = _run.Train(output, options, resumed, resume: true);

        // Then it continues at iteration 4 and finishes
        Assert.Equal(4, resumed.Reports[0].Current);
        Assert.Equal(6, result.Iterations);
    }

    [Fact]
    public void Fastcut_drops_the_identity_term_and_takes_its_mode_defaults()
    {
        // When the fastcut mode trains, and its settings are read
        using var context = new TestContext(_run.Directory);
        var output = _run.Output();
        _run.Train(output, TinyCut.Options(("mode", "fastcut")), context);
        var fast = CutSettings.From(TinyCut.Options(("mode", "fastcut"), ("iterations", "")));
        var cut = CutSettings.From(TinyCut.Options(("iterations", "")));

        // Then it logs no NCE_Y, and its defaults are the reference's: lambda_nce 10, flip equivariance, 150 + 50 epochs
        Assert.Equal("iteration,lr,D_real,D_fake,G_GAN,NCE", File.ReadLines(Path.Combine(output, LossLog.FileName)).First());
        Assert.Contains(context.Messages, m => m.Contains("training FastCUT", StringComparison.Ordinal));
        Assert.Equal((10.0, false, true, 150, 50), (fast.LambdaNce, fast.NceIdentity, fast.FlipEquivariance, fast.Epochs, fast.DecayEpochs));
        Assert.Equal((1.0, true, false, 200, 200), (cut.LambdaNce, cut.NceIdentity, cut.FlipEquivariance, cut.Epochs, cut.DecayEpochs));
    }

    [Fact]
    public void With_lambda_chroma_set_it_logs_the_chroma_term_and_changes_the_updates()
    {
        // Given the same tiny CUT run (same seed) with and without the chroma term
        using var plain = new TestContext(_run.Directory, seed: 4);
        using var chroma = new TestContext(_run.Directory, seed: 4);

        // When both train
        _run.Train(_run.Output("plain"), TinyCut.Options(), plain);
        _run.Train(_run.Output("chroma"), TinyCut.Options(("lambda_chroma", "30")), chroma);

        // Then the run with it logs a chroma column, finite and above 0, after the reference's terms
        var rows = File.ReadAllLines(Path.Combine(_run.Output("chroma"), LossLog.FileName)).Select(l => l.Split(',')).ToArray();
        Assert.Equal("iteration,lr,D_real,D_fake,G_GAN,NCE,NCE_Y,chroma", string.Join(',', rows[0]));
        Assert.All(rows.Skip(1), row => Assert.True(double.Parse(row[^1]) is > 0 and < 30, $"chroma {row[^1]}"));

        // And its first iteration's discriminator losses equal the plain run's (the same weights and batch), while a
        // later iteration's differ, because the generator's updates included the term
        var reference = File.ReadAllLines(Path.Combine(_run.Output("plain"), LossLog.FileName)).Select(l => l.Split(',')).ToArray();
        Assert.Equal(reference[1][..4], rows[1][..4]);
        Assert.NotEqual(reference[3][..4], rows[3][..4]);
    }

    [Fact]
    public void With_the_affine_head_CUT_trains_exports_it_and_converts_in_tiles()
    {
        // Given a tiny CUT run with head=affine (PatchNCE reads the encoder, which the head leaves unchanged)
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyCut.Options(("head", "affine")), context).ModelDirectory;

        // When its generator is loaded back and it stylizes a texture in seamless tiles with the default options
        using var loaded = StyleForge.Plugins.GanKit.Export.GeneratorExport.Load(model, TranslationDirection.AToB, CPU);
        using var stylizer = new CutPlugin().OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, TinyCut.Options()), context);
        var texture = TinyCut.DomainA.Load(1);
        var output = stylizer.Stylize(texture, new StylizeSettings(TileSize: 32, Seamless: true), CancellationToken.None);

        // Then the head travels with the weights, and the output has the input's size and values in range
        Assert.Equal(StyleForge.Plugins.GanKit.Model.GeneratorHead.Affine, loaded.Architecture.Head);
        Assert.Equal((texture.Width, texture.Height, 3), (output.Width, output.Height, output.Channels));
        Assert.All(output.Pixels, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Two_runs_with_the_same_seed_produce_identical_losses()
    {
        // Given two tiny FastCUT runs (flip equivariance draws too) with the same seed
        using var first = new TestContext(_run.Directory, seed: 42);
        using var second = new TestContext(_run.Directory, seed: 42);

        // When both train
        _run.Train(_run.Output("first"), TinyCut.Options(("mode", "fastcut")), first);
        _run.Train(_run.Output("second"), TinyCut.Options(("mode", "fastcut")), second);

        // Then their loss logs are identical, digit for digit
        Assert.Equal(File.ReadAllLines(Path.Combine(_run.Output("first"), LossLog.FileName)),
            File.ReadAllLines(Path.Combine(_run.Output("second"), LossLog.FileName)));
    }

    [Fact]
    public void Cancelled_then_resumed_run_matches_an_uninterrupted_run()
    {
        // Given an uninterrupted 8-iteration run with checkpoints every 3 iterations
        var options = TinyCut.Options(("iterations", "8"), ("checkpoint_every", "3"));
        using (var straight = new TestContext(_run.Directory))
        {
            _run.Train(_run.Output("straight"), options, straight);
        }

        // When the same run is cancelled after iteration 4 (as Ctrl+C would) and then resumed
        var output = _run.Output("interrupted");
        using (var cancelled = new TestContext(_run.Directory, cancelAfter: 4))
        {
            Assert.Throws<OperationCanceledException>(() => _run.Train(output, options, cancelled));
        }
        using var resumed = new TestContext(_run.Directory);
        var result = _run.Train(output, options, resumed, resume: true);

        // Then it continued at iteration 5 with the same weights, Adam moments, patch draws and crops, so its log equals the uninterrupted one
        Assert.Equal(8, result.Iterations);
        Assert.Equal(5, resumed.Reports[0].Current);
        Assert.Equal(File.ReadAllLines(Path.Combine(_run.Output("straight"), LossLog.FileName)),
            File.ReadAllLines(Path.Combine(output, LossLog.FileName)));
    }

    [Fact]
    public void Resuming_with_other_nce_settings_names_the_mismatch()
    {
        // Given a finished tiny run
        using (var context = new TestContext(_run.Directory))
        {
            _run.Train(_run.Output(), TinyCut.Options(), context);
        }

        // When it is resumed with another temperature and patch count
        using var again = new TestContext(_run.Directory);
        var error = Assert.Throws<PluginException>(() =>
            _run.Train(_run.Output(), TinyCut.Options(("iterations", "9"), ("nce_t", "0.1"), ("num_patches", "8")), again, resume: true));

        // Then both options are named with both values
        Assert.Contains("checkpoint has nce_t=0.07, config asks nce_t=0.1", error.Message);
        Assert.Contains("checkpoint has num_patches=16, config asks num_patches=8", error.Message);
    }

    [Fact]
    public void The_model_converts_a_to_b_and_refuses_b_to_a()
    {
        // Given a trained tiny model
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyCut.Options(), context).ModelDirectory;
        var plugin = new CutPlugin();

        // When it stylizes a texture A to B, whole and in seamless tiles, and is asked for B to A
        using var stylizer = plugin.OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, TinyCut.Options()), context);
        var texture = TinyCut.DomainA.Load(1);
        var whole = stylizer.Stylize(texture, new StylizeSettings(), CancellationToken.None);
        var tiled = stylizer.Stylize(texture, new StylizeSettings(TileSize: 32, Seamless: true), CancellationToken.None);
        var error = Assert.Throws<PluginException>(() =>
            plugin.OpenStylizer(new StylizerRequest(model, TranslationDirection.BToA, TinyCut.Options()), context));

        // Then both outputs have the input's size and finite values, and B to A is refused with what to do instead
        foreach (var output in new[] { whole, tiled })
        {
            Assert.Equal((texture.Width, texture.Height, 3), (output.Width, output.Height, output.Channels));
            Assert.All(output.Pixels, v => Assert.True(float.IsFinite(v)));
        }
        Assert.Contains("cut is one-sided", error.Message);
        Assert.Contains("--a B --b A", error.Message);
    }

    [Theory]
    [InlineData("0,4,7,12", "with blocks=1 the generator's encoder has layers 0 to 10")]
    [InlineData("0,7,4", "ascending without repeats; 4 follows 7")]
    [InlineData("0,x", "'x' is not a layer number")]
    public void Invalid_nce_layers_are_refused_with_the_reason(string layers, string expected)
    {
        // When the settings are read with a bad nce_layers
        var error = Assert.Throws<PluginException>(() => CutSettings.From(TinyCut.Options(("nce_layers", layers))));

        // Then the option, its value and the reason are named
        Assert.Contains($"option nce_layers='{layers}'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_non_finite_gradient_is_refused_and_leaves_the_generator_untouched()
    {
        // Given tiny networks and an iteration whose second update gets a NaN in the generator's gradient
        using var scope = NewDisposeScope();
        var settings = CutSettings.From(TinyCut.Options());
        using var networks = new CutNetworks(settings, CPU, seed: 1);
        using var domainA = DomainImages.Load(TinyCut.DomainA, "A", settings.LoadSize, CPU, new TestContext(_run.Directory).Log, CancellationToken.None);
        using var domainB = DomainImages.Load(TinyCut.DomainB, "B", settings.LoadSize, CPU, new TestContext(_run.Directory).Log, CancellationToken.None);
        var iteration = new CutIteration(networks, settings, FaultInjection.At(2));
        var random = new TrainingRandom(1);

        // When three updates run
        var first = iteration.Run(domainA, domainB, settings.LearningRate, random, renderSample: false);
        var before = networks.G.parameters().Select(p => p.detach().clone()).ToList();
        var second = iteration.Run(domainA, domainB, settings.LearningRate, random, renderSample: false);
        var unchanged = networks.G.parameters().Zip(before).All(pair => pair.First.allclose(pair.Second, rtol: 0, atol: 0));
        var third = iteration.Run(domainA, domainB, settings.LearningRate, random, renderSample: false);

        // Then the second is refused naming the gradient, G keeps its weights, and the next update applies again
        Assert.Null(first.Rejection);
        Assert.StartsWith("the gradient of G ", second.Rejection);
        Assert.Contains("in the generator step", second.Rejection);
        Assert.True(unchanged);
        Assert.Null(third.Rejection);
        Assert.All(third.Losses.Values, v => Assert.True(double.IsFinite(v)));
    }
}
