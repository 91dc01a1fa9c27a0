using StyleForge.Plugins.CycleGan.Benchmarks;
using StyleForge.Plugins.GanKit.Benchmarks;
using StyleForge.Plugins.GanKit.Inference;

namespace StyleForge.CycleGan.Inference.Tests;

public sealed class SeamErrorTests
{
    [Fact]
    public void Given_a_tileable_texture_When_measured_Then_the_wrap_edge_looks_like_any_interior_edge()
    {
        var error = SeamError.Measure(PatternTextures.Tileable(64, 48));

        Assert.InRange(error, 0.8, 1.2);
    }

    [Fact]
    public void Given_a_texture_whose_edges_differ_When_measured_Then_the_seam_scores_far_above_one()
    {
        var error = SeamError.Measure(PatternTextures.Scene(64, 48));

        Assert.True(error > 3, $"seam error {error:F2}");
    }
}
