using StyleForge.Plugins.GanKit.Inference;

namespace StyleForge.CycleGan.Inference.Tests;

public sealed class TileAxisTests
{
    [Theory]
    [InlineData(512, 128, 64)]
    [InlineData(4096, 512, 64)]
    [InlineData(1000, 256, 32)]
    [InlineData(548, 544, 64)]
    [InlineData(260, 64, 32)]
    public void Given_a_long_axis_When_planned_Then_tiles_cover_it_on_the_stride_grid_and_weights_sum_to_one(int length, int tile, int overlap)
    {
        var axis = TileAxis.Plan(length, tile, overlap);

        Assert.Equal(0, axis.Spans[0].Start);
        Assert.Equal(length, axis.Spans[^1].End);
        var sums = new double[length];
        for (var i = 0; i < axis.Spans.Count; i++)
        {
            var span = axis.Spans[i];
            Assert.Equal(0, span.Start % 4);
            Assert.True(span.Length <= tile);
            if (i > 0)
            {
                Assert.True(axis.Spans[i - 1].End - span.Start >= overlap, $"tiles {i - 1} and {i} share fewer than {overlap} px");
            }
            var weights = axis.Weights(i);
            for (var p = 0; p < span.Length; p++)
            {
                sums[span.Start + p] += weights[p];
            }
        }
        Assert.All(sums, sum => Assert.InRange(sum, 1 - 1e-5, 1 + 1e-5));
    }

    [Fact]
    public void Given_two_tiles_When_planned_Then_each_ignores_the_quarter_band_next_to_its_own_edge()
    {
        var axis = TileAxis.Plan(192, 128, 64);

        Assert.Equal(2, axis.Spans.Count);
        var band = axis.Spans[0].End - axis.Spans[1].Start;
        var right = axis.Weights(1);
        var left = axis.Weights(0);
        Assert.Equal(0f, right[(band / 4) - 1]);
        Assert.Equal(0f, left[axis.Spans[0].Length - (band / 4)]);
        Assert.True(right[band / 2] is > 0.3f and < 0.7f);
    }

    [Fact]
    public void Given_an_axis_shorter_than_a_tile_When_planned_Then_one_tile_has_weight_one()
    {
        var axis = TileAxis.Plan(100, 128, 64);

        Assert.Single(axis.Spans);
        Assert.All(axis.Weights(0).ToArray(), weight => Assert.Equal(1f, weight));
    }

    [Theory]
    [InlineData(512, 128, 64)]
    [InlineData(96, 128, 64)]
    [InlineData(1000, 256, 32)]
    public void Given_a_circle_When_planned_Then_weights_sum_to_one_all_the_way_round_and_the_wrap_edge_is_inside_a_tile(int length, int tile, int overlap)
    {
        var axis = TileAxis.PlanCircular(length, tile, overlap);

        Assert.True(axis.Spans.Count >= 2);
        var sums = new double[length];
        var bestAtWrapEdge = 0f;
        for (var i = 0; i < axis.Spans.Count; i++)
        {
            var weights = axis.Weights(i);
            for (var p = 0; p < axis.Spans[i].Length; p++)
            {
                var x = (axis.Spans[i].Start + p) % length;
                sums[x] += weights[p];
                if (x == 0 || x == length - 1)
                {
                    bestAtWrapEdge = Math.Max(bestAtWrapEdge, weights[p]);
                }
            }
        }
        Assert.All(sums, sum => Assert.InRange(sum, 1 - 1e-5, 1 + 1e-5));
        Assert.True(bestAtWrapEdge > 0.99f, $"the wrap edge is blended (best weight {bestAtWrapEdge})");
    }
}
