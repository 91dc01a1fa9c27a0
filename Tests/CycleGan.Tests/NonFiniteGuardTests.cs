using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>The retry policy for non-finite updates, and how a bad value is named.</summary>
public sealed class NonFiniteGuardTests
{
    [Fact]
    public void Four_rejections_in_a_row_retry_and_the_fifth_stops_training()
    {
        // Given a guard for a 1000-iteration run
        var guard = new NonFiniteGuard(1000);

        // When four updates in a row are rejected, then one is accepted, then five are rejected
        var early = Enumerable.Range(0, 4).Select(_ => guard.Reject(7, "loss G_A = NaN")).ToList();
        guard.Accept();
        var late = Enumerable.Range(0, 5).Select(_ => guard.Reject(9, "loss G_A = NaN")).ToList();

        // Then only the fifth in a row stops, and says so
        Assert.All(early, Assert.Null);
        Assert.All(late.Take(4), Assert.Null);
        Assert.Equal("training stopped at iteration 9: 5 updates in a row had non-finite values (the last: loss G_A = NaN).", late[4]);
        Assert.Equal(9, guard.Rejected);
    }

    [Fact]
    public void Scattered_rejections_stop_training_past_one_percent_of_the_iterations()
    {
        // Given a guard for a 2000-iteration run (20 rejections allowed)
        var guard = new NonFiniteGuard(2000);

        // When single rejections keep coming between accepted updates
        var outcomes = new List<string?>();
        for (var i = 0; i < 21; i++)
        {
            outcomes.Add(guard.Reject(i, "x"));
            guard.Accept();
        }

        // Then the 21st stops training
        Assert.All(outcomes.Take(20), Assert.Null);
        Assert.Contains("21 updates in all had non-finite values, more than the 20 allowed", outcomes[20]);
    }

    [Fact]
    public void A_non_finite_weight_is_named_by_network_parameter_and_count()
    {
        // Given a module with one infinity in its second parameter
        using var module = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 2));
        using (no_grad())
        {
            module.parameters().ElementAt(2).view(-1)[4].fill_(float.PositiveInfinity);
        }

        // When the weights are checked, and the gradients (there are none)
        var weights = NonFiniteValues.FirstInWeights([("G_A", module)]);
        var gradients = NonFiniteValues.FirstInGradients([("G_A", module)]);

        // Then the weight is named, and no gradient is blamed
        Assert.Equal("G_A 1.weight (1 of 6 values)", weights);
        Assert.Null(gradients);
    }
}
