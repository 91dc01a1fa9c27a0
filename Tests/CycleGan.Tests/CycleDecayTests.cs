using StyleForge.Plugins.CycleGan.Training;

namespace StyleForge.CycleGan.Tests;

/// <summary>cycle_decay: the cycle weights fall linearly over training; the identity term keeps its weight.</summary>
public sealed class CycleDecayTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData(0.0, 0.0, 10.0)]
    [InlineData(0.0, 0.75, 10.0)]
    [InlineData(0.9, 0.0, 10.0)]
    [InlineData(0.9, 0.5, 5.5)]
    [InlineData(1.0, 0.75, 2.5)]
    public void The_weight_falls_by_the_decay_fraction_over_the_schedule(double decay, double progress, double expected)
    {
        // When the weight of lambda 10 is read at a point of training, then it has fallen by decay x progress of itself
        Assert.Equal(expected, TrainingIteration.CycleWeight(10, decay, progress), 12);
    }

    [Fact]
    public void A_decaying_run_logs_the_same_first_iteration_and_scaled_cycle_losses_after_it()
    {
        // Given the same tiny run (4 iterations, same seed) with and without a full decay
        using var constant = new TestContext(_run.Directory, seed: 3);
        using var decaying = new TestContext(_run.Directory, seed: 3);

        // When both train
        _run.Train(_run.Output("constant"), TinyRun.Options(("iterations", "4")), constant);
        _run.Train(_run.Output("decaying"), TinyRun.Options(("iterations", "4"), ("cycle_decay", "1")), decaying);

        // Then the first iteration (weight still lambda) is identical, digit for digit; at the second, which starts from
        // the same weights and batch, the logged cycle losses are 3/4 of the constant run's and the identity losses equal
        var a = TinyRun.LossRows(_run.Output("constant"));
        var b = TinyRun.LossRows(_run.Output("decaying"));
        Assert.Equal(a[1], b[1]);
        var columns = a[0];
        foreach (var term in new[] { "cycle_A", "cycle_B" })
        {
            var i = Array.IndexOf(columns, term);
            Assert.Equal(0.75 * double.Parse(a[2][i]), double.Parse(b[2][i]), 4);
        }
        foreach (var term in new[] { "idt_A", "idt_B", "G_A", "G_B" })
        {
            var i = Array.IndexOf(columns, term);
            Assert.Equal(double.Parse(a[2][i]), double.Parse(b[2][i]), 5);
        }
        // And later iterations differ, so the decay changed the updates
        Assert.NotEqual(a[4], b[4]);
    }
}
