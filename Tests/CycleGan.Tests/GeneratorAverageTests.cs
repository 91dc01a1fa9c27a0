using StyleForge.Plugins;
using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>ema_decay: the exported generators are a moving average of the trained ones; training itself is unchanged.</summary>
public sealed class GeneratorAverageTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    private static float[] Weights(nn.Module module) =>
        module.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    [Fact]
    public void Each_update_moves_the_average_towards_the_trained_weights_by_the_warmed_up_share()
    {
        // Given a tiny generator and an average of it with decay 0.99
        using var trained = new ResnetGenerator(new GeneratorArchitecture(4, 1, GeneratorUpsampling.Transpose));
        using var average = new GeneratorAverage(0.99, [("G_A", trained)], CPU);
        var start = Weights(trained);
        Assert.Equal(start, Weights(average.AverageOf(trained)));

        // When the trained weights move by +1 and the average is updated twice
        using (no_grad())
        {
            foreach (var parameter in trained.parameters())
            {
                parameter.add_(1);
            }
        }
        average.Update();
        var afterOne = Weights(average.AverageOf(trained));
        average.Update();
        var afterTwo = Weights(average.AverageOf(trained));

        // Then the first update kept 1/10 of the average (warm-up), the second 2/11 of it, not yet the decay of 0.99
        for (var i = 0; i < start.Length; i++)
        {
            Assert.Equal(start[i] + 0.9f, afterOne[i], 1e-5f);
            Assert.Equal(start[i] + 1 - 0.1f * 2 / 11, afterTwo[i], 1e-5f);
        }
        Assert.Equal(2, average.Updates);
        Assert.Equal(0.99, new GeneratorAverage(0.99, [], CPU) { Updates = 10_000 }.NextDecay);
        // And the trained generator is untouched, and the average does not learn
        Assert.Equal(start.Select(w => w + 1), Weights(trained));
        Assert.All(average.AverageOf(trained).parameters(), p => Assert.False(p.requires_grad));
    }

    [Fact]
    public void An_averaged_run_trains_exactly_as_a_plain_one_and_exports_the_average()
    {
        // Given two tiny runs of 4 iterations with the same seed, one with ema_decay 0.5
        using var context = new TestContext(_run.Directory);
        var plain = _run.Output("plain");
        var averaged = _run.Output("averaged");

        // When both train
        _run.Train(plain, TinyRun.Options(("iterations", "4")), context);
        _run.Train(averaged, TinyRun.Options(("iterations", "4"), ("ema_decay", "0.5")), context);

        // Then their losses are identical, digit for digit, and so are their trained generators (in the checkpoints)
        Assert.Equal(File.ReadAllText(Path.Combine(plain, "losses.csv")), File.ReadAllText(Path.Combine(averaged, "losses.csv")));
        var plainCheckpoint = Directory.GetDirectories(Path.Combine(plain, "checkpoints")).Single();
        var averagedCheckpoint = Directory.GetDirectories(Path.Combine(averaged, "checkpoints")).Single();
        foreach (var generator in new[] { "G_A", "G_B" })
        {
            var trained = File.ReadAllBytes(Path.Combine(plainCheckpoint, generator + ".pt"));
            Assert.Equal(trained, File.ReadAllBytes(Path.Combine(averagedCheckpoint, generator + ".pt")));
            // And the averaged run's model holds the checkpoint's average, which differs from the trained weights
            var exported = File.ReadAllBytes(Path.Combine(averaged, "model", generator + ".pt"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(averagedCheckpoint, generator + "_ema.pt")), exported);
            Assert.NotEqual(trained, exported);
            Assert.Equal(trained, File.ReadAllBytes(Path.Combine(plain, "model", generator + ".pt")));
        }
        Assert.False(File.Exists(Path.Combine(plainCheckpoint, "G_A_ema.pt")));
    }

    [Fact]
    public void A_cancelled_and_resumed_averaged_run_exports_what_an_uninterrupted_one_does()
    {
        // Given an uninterrupted averaged run of 6 iterations
        var options = TinyRun.Options(("iterations", "6"), ("ema_decay", "0.8"), ("checkpoint_every", "2"));
        using (var straight = new TestContext(_run.Directory))
        {
            _run.Train(_run.Output("straight"), options, straight);
        }

        // When the same run is cancelled after iteration 3 and resumed
        var output = _run.Output("interrupted");
        using (var cancelled = new TestContext(_run.Directory, cancelAfter: 3))
        {
            Assert.Throws<OperationCanceledException>(() => _run.Train(output, options, cancelled));
        }
        using var resumed = new TestContext(_run.Directory);
        _run.Train(output, options, resumed, resume: true);

        // Then both export the same averaged generators, byte for byte
        foreach (var file in new[] { "G_A.pt", "G_B.pt" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_run.Output("straight"), "model", file)), File.ReadAllBytes(Path.Combine(output, "model", file)));
        }
    }

    [Fact]
    public void Resuming_with_another_decay_is_refused_naming_it()
    {
        // Given a finished tiny run without an average
        var output = _run.Output();
        using (var context = new TestContext(_run.Directory))
        {
            _run.Train(output, TinyRun.Options(("iterations", "1")), context);
        }

        // When it is resumed asking for one
        using var resumed = new TestContext(_run.Directory);
        var error = Assert.Throws<PluginException>(() =>
            _run.Train(output, TinyRun.Options(("iterations", "1"), ("ema_decay", "0.999")), resumed, resume: true));

        // Then the error names the option with both values
        Assert.Contains("checkpoint has ema_decay=0, config asks ema_decay=0.999", error.Message);
    }
}
