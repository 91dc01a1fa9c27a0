using StyleForge.Plugins.Cut.Training;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.Cut.Tests;

/// <summary>PatchNCE on tensors small enough to work out by hand, and the patch sampling it relies on.</summary>
public sealed class PatchNceTests
{
    [Fact]
    public void Loss_of_known_features_matches_the_hand_computed_cross_entropy()
    {
        // Given two patches of one image: query 0 leans towards key 1, query 1 is key 1 exactly
        using var queries = tensor(new float[] { 0.6f, 0.8f, 0f, 1f }, [2, 2]);
        using var keys = tensor(new float[] { 1f, 0f, 0f, 1f }, [2, 2]);
        const double t = 0.5;

        // When PatchNCE scores them at temperature 0.5
        using var loss = PatchNce.Loss(queries, keys, batchSize: 1, temperature: t);

        // Then each row is -log softmax of [positive, negatives] / t, with a query's own position among the negatives set to -10:
        // row 0: positive q0.k0 = 0.6, negatives [-10, q0.k1 = 0.8]; row 1: positive q1.k1 = 1, negatives [q1.k0 = 0, -10]
        var row0 = -0.6 / t + Math.Log(Math.Exp(0.6 / t) + Math.Exp(-10 / t) + Math.Exp(0.8 / t));
        var row1 = -1.0 / t + Math.Log(Math.Exp(1.0 / t) + Math.Exp(0 / t) + Math.Exp(-10 / t));
        var values = loss.data<float>().ToArray();
        Assert.Equal(2, values.Length);
        Assert.Equal(row0, values[0], 5);
        Assert.Equal(row1, values[1], 5);
    }

    [Fact]
    public void Negatives_come_from_the_same_image_only()
    {
        // Given a batch of two images with three patches each
        using var _ = NewDisposeScope();
        var generator = new TorchSharp.torch.Generator(3);
        var queries = PatchProjection.Normalize(randn([6, 4], generator: generator));
        var keys = PatchProjection.Normalize(randn([6, 4], generator: generator));

        // When the batch is scored together, and each image alone
        var together = PatchNce.Loss(queries, keys, batchSize: 2, temperature: 0.07);
        var first = PatchNce.Loss(queries[..3], keys[..3], batchSize: 1, temperature: 0.07);
        var second = PatchNce.Loss(queries[3..], keys[3..], batchSize: 1, temperature: 0.07);

        // Then the losses are the same: no patch of one image is a negative for the other
        Assert.True(together.allclose(cat([first, second]), rtol: 1e-6, atol: 1e-6));
    }

    [Fact]
    public void The_keys_receive_no_gradient()
    {
        // Given queries and keys that both ask for gradients
        using var queries = PatchProjection.Normalize(randn([4, 3])).detach().requires_grad_();
        using var keys = PatchProjection.Normalize(randn([4, 3])).detach().requires_grad_();

        // When the loss is backpropagated
        PatchNce.Loss(queries, keys, batchSize: 1, temperature: 0.07).mean().backward();

        // Then only the queries (the output side) have a gradient, as in the reference
        Assert.NotNull(queries.grad);
        Assert.Null(keys.grad);
    }

    [Fact]
    public void Locations_are_distinct_in_range_and_fixed_by_the_seed()
    {
        // When 256 locations are drawn from 1444 positions twice with one seed and once with another
        var a = PatchLocations.Draw(1444, 256, new TrainingRandom(7));
        var b = PatchLocations.Draw(1444, 256, new TrainingRandom(7));
        var c = PatchLocations.Draw(1444, 256, new TrainingRandom(8));

        // Then they are 256 distinct positions of the map, the same for the same seed, different for another
        Assert.Equal(256, a.Length);
        Assert.Equal(256, a.Distinct().Count());
        Assert.All(a, p => Assert.InRange(p, 0, 1443));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_map_smaller_than_the_patch_count_gives_every_position_once()
    {
        // When 256 locations are asked of an 8 x 8 map
        var locations = PatchLocations.Draw(64, 256, new TrainingRandom(1));

        // Then each of its 64 positions comes once
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (long)i), locations.Order());
    }

    [Fact]
    public void The_same_locations_pick_the_same_positions_in_input_and_output_features()
    {
        // Given an input and an output feature map of two images, each value naming its image, channel and position
        using var _ = NewDisposeScope();
        var positions = arange(2 * 3 * 4 * 5, dtype: ScalarType.Float32).reshape(2, 3, 4, 5);
        var input = positions.clone();
        var output = positions * 10;
        var locations = tensor(PatchLocations.Draw(20, 6, new TrainingRandom(5)), dtype: ScalarType.Int64);

        // When both are sampled at the locations
        var inputRows = PatchProjection.Rows(input, locations);
        var outputRows = PatchProjection.Rows(output, locations);

        // Then row r of both comes from the same image and position, and holds that position's channels
        Assert.Equal([12L, 3L], inputRows.shape);
        Assert.True((outputRows / 10).allclose(inputRows, rtol: 0, atol: 0));
        var picked = locations.data<long>().ToArray();
        for (var image = 0; image < 2; image++)
        {
            for (var i = 0; i < picked.Length; i++)
            {
                var (y, x) = ((int)picked[i] / 5, (int)picked[i] % 5);
                for (var channel = 0; channel < 3; channel++)
                {
                    Assert.Equal(positions[image, channel, y, x].item<float>(), inputRows[(image * picked.Length) + i, channel].item<float>());
                }
            }
        }
    }

    [Fact]
    public void Each_projection_head_is_a_two_layer_mlp_of_the_given_width()
    {
        // Given heads for layers of 3, 8 and 16 channels, 256 units wide as in the reference
        using var heads = new PatchProjection([3, 8, 16], 256);

        // When their parameters are counted
        var count = heads.parameters().Sum(p => p.numel());

        // Then each head has Linear(C, 256) and Linear(256, 256) with biases
        long Head(long channels) => (channels * 256) + 256 + (256 * 256) + 256;
        Assert.Equal(Head(3) + Head(8) + Head(16), count);
        Assert.Equal(3 * 4, heads.parameters().Count());
    }

    [Fact]
    public void Projected_rows_have_unit_length()
    {
        // Given one head and a feature map
        using var _ = NewDisposeScope();
        using var heads = new PatchProjection([5], 16);
        var feature = randn([2, 5, 6, 6]);
        var locations = tensor(new long[] { 0, 7, 35 });

        // When it projects three locations of both images
        var rows = heads.Project([feature], [locations])[0];

        // Then there are six rows of 16 values, each of length 1
        Assert.Equal([6L, 16L], rows.shape);
        Assert.True(rows.pow(2).sum(1).sqrt().allclose(ones(6), rtol: 1e-5, atol: 1e-5));
    }
}
