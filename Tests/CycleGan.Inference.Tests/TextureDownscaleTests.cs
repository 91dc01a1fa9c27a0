using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan.Benchmarks;
using StyleForge.Plugins.GanKit.Benchmarks;
using StyleForge.Plugins.GanKit.Inference;

namespace StyleForge.CycleGan.Inference.Tests;

public sealed class TextureDownscaleTests
{
    [Fact]
    public void Given_a_texture_When_area_downscaled_Then_each_cell_is_the_mean_and_the_overall_mean_is_kept()
    {
        var source = PatternTextures.Scene(30, 20);

        var small = TextureDownscale.Area(source, 10, 5);

        double Mean(TextureBuffer t, int c) => Enumerable.Range(0, t.Width * t.Height).Average(i => t.Pixels[(i * 3) + c]);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(Mean(source, c), Mean(small, c), 5);
        }
        var firstCell = Enumerable.Range(0, 4).SelectMany(y => Enumerable.Range(0, 3).Select(x => source.Pixels[source.IndexOf(x, y, 1)])).Average();
        Assert.Equal(firstCell, small.Pixels[small.IndexOf(0, 0, 1)], 5);
    }
}
