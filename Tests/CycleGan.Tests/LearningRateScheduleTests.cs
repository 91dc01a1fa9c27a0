using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit.Training;

namespace StyleForge.CycleGan.Tests;

/// <summary>The learning-rate schedule follows the reference's linear policy.</summary>
public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Iterations_mode_is_constant_for_the_first_half_then_decays_linearly()
    {
        // Given 10 iterations at base rate 1
        var schedule = TrainingSettings.From(TinyRun.Options(("iterations", "10"), ("lr", "1"))).Schedule(3);

        // When the rates are listed
        var rates = Enumerable.Range(0, 10).Select(i => schedule.RateAt(i)).ToArray();

        // Then five iterations run at 1 and the next five fall by 1/6 each, as get_scheduler's lambda does
        Assert.Equal(10, schedule.TotalIterations);
        Assert.Equal([1, 1, 1, 1, 1], rates[..5]);
        for (var k = 1; k <= 5; k++)
        {
            Assert.Equal(1 - (k / 6.0), rates[4 + k], 12);
        }
    }

    [Fact]
    public void Epoch_mode_steps_once_per_epoch_over_the_larger_domain()
    {
        // Given the reference's 100 + 100 epochs, a larger domain of 5 textures and batch size 2 (3 iterations per epoch)
        var settings = TrainingSettings.From(TinyRun.Options(("iterations", ""), ("lr", "0.0002"), ("batch_size", "2")));
        var schedule = settings.Schedule(5);

        // Then the run is 600 iterations; epoch 100 (zero-based 99) is the last at full rate, epoch 101 gets 100/101 of it
        Assert.Equal(600, schedule.TotalIterations);
        Assert.Equal(0.0002, schedule.RateAt(299));
        Assert.Equal(0.0002 * 100 / 101, schedule.RateAt(300), 15);
        Assert.Equal(0.0002 * 100 / 101, schedule.RateAt(302), 15);
        Assert.Equal(0.0002 * 1 / 101, schedule.RateAt(599), 15);
    }
}
