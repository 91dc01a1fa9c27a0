using StyleForge.Plugins;
using StyleForge.Plugins.GanKit;
using StyleForge.Plugins.GanKit.Benchmarks;
using StyleForge.Plugins.GanKit.Inference;

namespace StyleForge.CycleGan.Inference.Tests;

/// <summary>The resampler that brings textures to a model's working scale and its results back.</summary>
public sealed class TextureResampleTests
{
    [Fact]
    public void Given_a_texture_When_resampled_to_its_own_size_Then_every_pixel_is_kept()
    {
        var source = PatternTextures.Scene(23, 17);

        var same = TextureResample.Bicubic(source, 23, 17, wrap: false);

        Assert.Equal(source.Pixels, same.Pixels, (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void Given_a_smooth_texture_When_halved_and_resized_back_Then_it_returns_within_a_hundredth()
    {
        // Given a texture with no detail finer than the half-size grid can hold
        var source = new TextureBuffer(64, 48, 3);
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                source.Pixels[source.IndexOf(x, y, 0)] = 0.5f + (0.3f * MathF.Sin(x * 2 * MathF.PI / 64));
                source.Pixels[source.IndexOf(x, y, 1)] = 0.2f + (0.6f * y / 47f);
                source.Pixels[source.IndexOf(x, y, 2)] = 0.4f;
            }
        }

        // When it is shrunk to half and enlarged back
        var back = TextureResample.Bicubic(TextureResample.Bicubic(source, 32, 24, wrap: true), 64, 48, wrap: true);

        // Then the interior is what it was (the wrapped rows of a vertical ramp differ at its ends)
        for (var y = 4; y < 44; y++)
        {
            for (var i = y * 64 * 3; i < (y + 1) * 64 * 3; i++)
            {
                Assert.True(Math.Abs(back.Pixels[i] - source.Pixels[i]) < 0.01f, $"pixel value {i}: {back.Pixels[i]} against {source.Pixels[i]}");
            }
        }
    }

    [Fact]
    public void Given_a_flat_texture_When_shrunk_by_an_uneven_factor_Then_it_stays_flat()
    {
        var source = new TextureBuffer(37, 29, 3);
        Array.Fill(source.Pixels, 0.625f);

        var small = TextureResample.Bicubic(source, 13, 11, wrap: false);

        Assert.All(small.Pixels, v => Assert.Equal(0.625f, v, 5));
    }

    [Fact]
    public void Given_a_seamless_texture_When_shrunk_with_wrap_Then_it_equals_the_middle_of_its_shrunk_3x3_tiling()
    {
        // Given a texture and the same texture tiled 3 x 3
        var tile = PatternTextures.Scene(20, 16);
        var tiled = new TextureBuffer(60, 48, 3);
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 60; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    tiled.Pixels[tiled.IndexOf(x, y, c)] = tile.Pixels[tile.IndexOf(x % 20, y % 16, c)];
                }
            }
        }

        // When the tile is halved with wrapped edges, and the tiling is halved
        var wrapped = TextureResample.Bicubic(tile, 10, 8, wrap: true);
        var middle = TextureResample.Bicubic(tiled, 30, 24, wrap: false);

        // Then the tile's result is the middle tile of the tiling's: its edges read the texture's other side, not a clamp
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 10; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(middle.Pixels[middle.IndexOf(x + 10, y + 8, c)], wrapped.Pixels[wrapped.IndexOf(x, y, c)], 4);
                }
            }
        }
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.5, 1.0 }, 0.5)]
    [InlineData(new[] { 0.25, 0.5, 0.75, 1.0 }, 0.625)]
    [InlineData(new[] { 1.117, 1.117 }, 1.0)]
    [InlineData(new double[0], 1.0)]
    public void The_working_scale_is_the_median_training_resize_and_never_enlarges(double[] factors, double expected)
    {
        Assert.Equal(expected, WorkingScale.Of(factors), 12);
    }
}
