using StyleForge.Plugins;
using StyleForge.Plugins.GanKit.Reporting;

namespace StyleForge.CycleGan.Tests;

/// <summary>Training end to end with a tiny model: outputs, determinism, cancellation and resume.</summary>
public sealed class TrainingTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Training_writes_losses_samples_plot_checkpoint_and_exported_model()
    {
        // Given a tiny run with a sample every 3 iterations
        using var context = new TestContext(_run.Directory);
        var output = _run.Output();

        // When it trains 6 iterations
        var result = _run.Train(output, TinyRun.Options(("sample_every", "3")), context);

        // Then every iteration was reported and logged with all loss terms, and the run's files exist
        Assert.Equal(6, result.Iterations);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), context.Reports.Select(r => r.Current));
        Assert.All(context.Reports, r => Assert.Equal(8, r.Values.Count));
        Assert.All(context.Reports, r => Assert.All(r.Values.Values, v => Assert.True(double.IsFinite(v))));
        var rows = File.ReadAllLines(Path.Combine(output, LossLog.FileName));
        Assert.Equal("iteration,lr,D_A,G_A,cycle_A,idt_A,D_B,G_B,cycle_B,idt_B", rows[0]);
        Assert.Equal(7, rows.Length);
        Assert.Equal(["iter-00000003.png", "iter-00000006.png"], Directory.GetFiles(Path.Combine(output, "samples")).Select(Path.GetFileName).Order());
        Assert.True(new FileInfo(Path.Combine(output, LossPlot.FileName)).Length > 1000);
        Assert.True(File.Exists(Path.Combine(output, "checkpoints", "latest.json")));
        Assert.Equal(Path.Combine(output, "model"), result.ModelDirectory);
        Assert.True(File.Exists(Path.Combine(result.ModelDirectory, "G_A.pt")));
        Assert.True(File.Exists(Path.Combine(result.ModelDirectory, "G_B.pt")));
        Assert.True(File.Exists(Path.Combine(result.ModelDirectory, "generator.json")));
    }

    [Fact]
    public void Two_runs_with_the_same_seed_produce_identical_losses()
    {
        // Given two tiny runs with the same seed
        using var first = new TestContext(_run.Directory, seed: 42);
        using var second = new TestContext(_run.Directory, seed: 42);

        // When both train
        _run.Train(_run.Output("first"), TinyRun.Options(), first);
        _run.Train(_run.Output("second"), TinyRun.Options(), second);

        // Then their loss logs are identical, digit for digit
        Assert.Equal(File.ReadAllLines(Path.Combine(_run.Output("first"), LossLog.FileName)),
            File.ReadAllLines(Path.Combine(_run.Output("second"), LossLog.FileName)));
    }

    [Fact]
    public void Two_streams_produce_the_same_losses_as_one()
    {
        // Given the same tiny run on one thread (halves one after the other) and on two (halves side by side)
        using var one = new TestContext(_run.Directory, seed: 5);
        using var two = new TestContext(_run.Directory, seed: 5);

        // When both train
        _run.Train(_run.Output("one"), TinyRun.Options(("threads", "1")), one);
        _run.Train(_run.Output("two"), TinyRun.Options(("threads", "2")), two);

        // Then every logged loss is identical: each weight sums exactly one gradient from each half, in either order
        Assert.Contains(two.Messages, m => m.Contains("2 stream(s)", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllLines(Path.Combine(_run.Output("one"), LossLog.FileName)),
            File.ReadAllLines(Path.Combine(_run.Output("two"), LossLog.FileName)));
    }

    [Fact]
    public void A_different_seed_produces_different_losses()
    {
        // Given two tiny runs with different seeds
        using var first = new TestContext(_run.Directory, seed: 1);
        using var second = new TestContext(_run.Directory, seed: 2);

        // When both train
        var a = _run.Train(_run.Output("first"), TinyRun.Options(("iterations", "2")), first);
        var b = _run.Train(_run.Output("second"), TinyRun.Options(("iterations", "2")), second);

        // Then their losses differ
        Assert.NotEqual(a.FinalValues["cycle_A"], b.FinalValues["cycle_A"]);
    }

    [Fact]
    public void Cancelled_then_resumed_run_matches_an_uninterrupted_run()
    {
        // Given an uninterrupted 8-iteration run with checkpoints every 3 iterations
        var options = TinyRun.Options(("iterations", "8"), ("checkpoint_every", "3"));
        using (var straight = new TestContext(_run.Directory))
        {
            _run.Train(_run.Output("straight"), options, straight);
        }

        // When the same run is cancelled after iteration 4 (as Ctrl+C would) and then resumed
        var output = _run.Output("interrupted");
        using (var cancelled = new TestContext(_run.Directory, cancelAfter: 4))
        {
            Assert.Throws<OperationCanceledException>(() => _run.Train(output, options, cancelled));
            Assert.Equal(4, cancelled.Reports[^1].Current);
        }
        using var resumed = new TestContext(_run.Directory);
        var result = _run.Train(output, options, resumed, resume: true);

        // Then it continued at iteration 5 with the same learning rates, optimiser state, pools and
        // random draws, so its log equals the uninterrupted one
        Assert.Equal(8, result.Iterations);
        Assert.Equal(5, resumed.Reports[0].Current);
        Assert.Contains(resumed.Messages, m => m.Contains("resuming at iteration 4", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllLines(Path.Combine(_run.Output("straight"), LossLog.FileName)),
            File.ReadAllLines(Path.Combine(output, LossLog.FileName)));
    }

    [Fact]
    public void Resuming_with_another_architecture_names_the_mismatch()
    {
        // Given a finished tiny run with one residual block
        var output = _run.Output();
        using (var context = new TestContext(_run.Directory))
        {
            _run.Train(output, TinyRun.Options(("iterations", "1")), context);
        }

        // When it is resumed asking for two blocks and another ngf
        using var resumed = new TestContext(_run.Directory);
        var error = Assert.Throws<PluginException>(() =>
            _run.Train(output, TinyRun.Options(("iterations", "1"), ("blocks", "2"), ("ngf", "8")), resumed, resume: true));

        // Then the error names both options with both values
        Assert.Contains("checkpoint has blocks=1, config asks blocks=2", error.Message);
        Assert.Contains("checkpoint has ngf=4, config asks ngf=8", error.Message);
    }

    [Fact]
    public void A_damaged_checkpoint_file_is_reported_by_name()
    {
        // Given a finished tiny run whose G_A weights were truncated on disk
        var output = _run.Output();
        using (var context = new TestContext(_run.Directory))
        {
            _run.Train(output, TinyRun.Options(("iterations", "2")), context);
        }
        var checkpoint = Directory.GetDirectories(Path.Combine(output, "checkpoints")).Single();
        var weights = Path.Combine(checkpoint, "G_A.pt");
        File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..100]);

        // When it is resumed
        using var resumed = new TestContext(_run.Directory);
        var error = Assert.Throws<PluginException>(() => _run.Train(output, TinyRun.Options(("iterations", "2")), resumed, resume: true));

        // Then the error names the damaged file
        Assert.Contains(weights, error.Message);
    }

    [Fact]
    public void Training_into_an_existing_run_without_resume_is_refused()
    {
        // Given a finished tiny run
        var output = _run.Output();
        using (var context = new TestContext(_run.Directory))
        {
            _run.Train(output, TinyRun.Options(("iterations", "1")), context);
        }

        // When training starts again into the same folder without --resume, then it is refused with what to do
        using var again = new TestContext(_run.Directory);
        var error = Assert.Throws<PluginException>(() => _run.Train(output, TinyRun.Options(("iterations", "1")), again));
        Assert.Contains("--resume", error.Message);
    }

    [Fact]
    public void Vanilla_gan_loss_trains_with_finite_losses_that_differ_from_lsgan()
    {
        // Given the same tiny run with the least-squares and the cross-entropy GAN loss
        using var lsgan = new TestContext(_run.Directory);
        using var vanilla = new TestContext(_run.Directory);

        // When both train two iterations
        var least = _run.Train(_run.Output("lsgan"), TinyRun.Options(("iterations", "2")), lsgan);
        var cross = _run.Train(_run.Output("vanilla"), TinyRun.Options(("iterations", "2"), ("gan_loss", "vanilla")), vanilla);

        // Then the vanilla losses are finite and its adversarial terms differ from the least-squares ones
        Assert.All(cross.FinalValues.Values, v => Assert.True(double.IsFinite(v)));
        Assert.NotEqual(least.FinalValues["G_A"], cross.FinalValues["G_A"]);
    }
}
