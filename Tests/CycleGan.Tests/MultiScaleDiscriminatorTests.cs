using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>The <c>d_scales: 2</c> option: a second PatchGAN on a 2x average-pooled copy, the losses averaged.</summary>
public sealed class MultiScaleDiscriminatorTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Two_scales_double_the_parameters_and_give_a_second_map_of_the_pooled_input()
    {
        // Given the 70x70 PatchGAN with one scale and with two
        using var single = new NLayerDiscriminator(64, 3);
        using var multi = new NLayerDiscriminator(64, 3, scales: 2);
        using var scope = NewDisposeScope();
        using var _ = no_grad();

        // When a 256 px image is scored
        var singleMaps = single.ScoreMaps(zeros(1, 3, 256, 256));
        var multiMaps = multi.ScoreMaps(zeros(1, 3, 256, 256));

        // Then one scale is the reference (30x30), two add the map of the 128 px copy (14x14) with as many parameters again
        Assert.Equal(new long[] { 1, 1, 30, 30 }, Assert.Single(singleMaps).shape);
        Assert.Equal(2, multiMaps.Count);
        Assert.Equal(new long[] { 1, 1, 30, 30 }, multiMaps[0].shape);
        Assert.Equal(new long[] { 1, 1, 14, 14 }, multiMaps[1].shape);
        Assert.Equal(2 * 2_764_737, multi.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void One_scale_keeps_the_reference_keys_alone_and_the_second_scale_adds_its_own()
    {
        using var single = new NLayerDiscriminator(4, 3);
        using var multi = new NLayerDiscriminator(4, 3, scales: 2);

        var singleKeys = single.state_dict().Keys.ToList();
        var multiKeys = multi.state_dict().Keys.ToList();

        Assert.All(singleKeys, k => Assert.StartsWith("model.", k, StringComparison.Ordinal));
        Assert.Equal(singleKeys.Order(), multiKeys.Where(k => k.StartsWith("model.", StringComparison.Ordinal)).Order());
        Assert.Equal(singleKeys.Select(k => "coarse." + k["model.".Length..]).Order(),
            multiKeys.Where(k => k.StartsWith("coarse.", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void The_loss_of_two_maps_is_the_mean_of_their_losses_whatever_their_sizes()
    {
        // Given a 4x4 map that says "real" perfectly and a 2x2 map that says "fake"
        using var scope = NewDisposeScope();
        var loss = new GanLoss(GanLossKind.Lsgan);

        // When both are scored against "real"
        var value = loss.Compute([ones(1, 1, 4, 4), zeros(1, 1, 2, 2)], targetIsReal: true).item<float>();

        // Then each scale weighs half: (0 + 1) / 2, not weighted by their 16 and 4 scores
        Assert.Equal(0.5f, value, 6);
    }

    [Fact]
    public void A_tiny_run_with_two_scales_cancelled_and_resumed_matches_an_uninterrupted_run()
    {
        // Given an uninterrupted 4-iteration run with d_scales=2 (and 2 discriminator layers, so the 16 px second
        // scale leaves scores), checkpointing every 2 iterations
        var options = TinyRun.Options(("iterations", "4"), ("checkpoint_every", "2"), ("d_scales", "2"), ("d_layers", "2"));
        TrainingResult straight;
        using (var context = new TestContext(_run.Directory))
        {
            straight = _run.Train(_run.Output("straight"), options, context);
        }

        // When the same run is cancelled after iteration 2 and resumed
        var output = _run.Output("interrupted");
        using (var cancelled = new TestContext(_run.Directory, cancelAfter: 2))
        {
            Assert.Throws<OperationCanceledException>(() => _run.Train(output, options, cancelled));
        }
        using var resumed = new TestContext(_run.Directory);
        var result = _run.Train(output, options, resumed, resume: true);

        // Then both discriminators' second scales were saved and loaded strictly, and the losses are the uninterrupted run's
        Assert.Equal(4, result.Iterations);
        Assert.All(result.FinalValues.Values, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(straight.FinalValues["D_A"], result.FinalValues["D_A"]);
        Assert.Equal(straight.FinalValues["G_A"], result.FinalValues["G_A"]);
    }

    [Fact]
    public void Resuming_a_single_scale_run_with_two_scales_is_refused_naming_the_option()
    {
        var output = _run.Output();
        using (var context = new TestContext(_run.Directory))
        {
            _run.Train(output, TinyRun.Options(("iterations", "1"), ("d_layers", "2")), context);
        }

        using var resumed = new TestContext(_run.Directory);
        var error = Assert.Throws<PluginException>(() =>
            _run.Train(output, TinyRun.Options(("iterations", "2"), ("d_scales", "2"), ("d_layers", "2")), resumed, resume: true));

        Assert.Contains("checkpoint has d_scales=1, config asks d_scales=2", error.Message);
    }
}
