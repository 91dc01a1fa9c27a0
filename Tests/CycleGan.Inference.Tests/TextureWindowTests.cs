using StyleForge.Plugins;
using StyleForge.Plugins.GanKit.Inference;
using StyleForge.Plugins.GanKit.Model;

namespace StyleForge.CycleGan.Inference.Tests;

public sealed class TextureWindowTests
{
    private static TextureBuffer Ramp()
    {
        // One row of 4 pixels, red = x / 4, so each pixel is identifiable after scaling to [-1, 1].
        var texture = new TextureBuffer(4, 1, 3);
        for (var x = 0; x < 4; x++)
        {
            texture.Pixels[texture.IndexOf(x, 0, 0)] = x / 4f;
        }
        return texture;
    }

    private static int[] RedColumns(float[] planar, int width) =>
        planar.Take(width).Select(v => (int)Math.Round((v + 1) / 2 * 4)).ToArray();

    [Fact]
    public void Given_reflect_When_reading_past_both_edges_Then_it_mirrors_without_repeating_the_edge()
    {
        var window = new TextureWindow(Ramp(), PaddingMode.Reflect);

        var planar = window.ReadPlanar(-3, 0, 10, 1);

        Assert.Equal(new[] { 3, 2, 1, 0, 1, 2, 3, 2, 1, 0 }, RedColumns(planar, 10));
    }

    [Fact]
    public void Given_circular_When_reading_past_both_edges_Then_it_wraps_around()
    {
        var window = new TextureWindow(Ramp(), PaddingMode.Circular);

        var planar = window.ReadPlanar(-3, 0, 10, 1);

        Assert.Equal(new[] { 1, 2, 3, 0, 1, 2, 3, 0, 1, 2 }, RedColumns(planar, 10));
    }

    [Fact]
    public void Given_a_texture_When_read_Then_values_are_planar_and_scaled_to_the_network_range()
    {
        var texture = new TextureBuffer(1, 1, 3, [0f, 0.5f, 1f]);

        var planar = new TextureWindow(texture, PaddingMode.Reflect).ReadPlanar(0, 0, 1, 1);

        Assert.Equal(new[] { -1f, 0f, 1f }, planar);
    }
}
