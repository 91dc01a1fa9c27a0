using StyleForge.Plugins;
using StyleForge.Plugins.GanKit.Benchmarks;
using StyleForge.Plugins.GanKit.Inference;

namespace StyleForge.CycleGan.Inference.Tests;

/// <summary>How a working-scale result comes back to the texture's size: guided by the full-size texture.</summary>
public sealed class GuidedUpsamplingTests
{
    private static TextureBuffer Map(TextureBuffer source, Func<int, float, float> channelValue)
    {
        var mapped = new TextureBuffer(source.Width, source.Height, 3);
        for (var i = 0; i < source.Pixels.Length; i++)
        {
            mapped.Pixels[i] = channelValue(i % 3, source.Pixels[i]);
        }
        return mapped;
    }

    /// <summary>A brick wall with 1 px mortar lines and 6 px courses: detail a quarter-size copy cannot hold.</summary>
    private static TextureBuffer Bricks(int width, int height)
    {
        var texture = new TextureBuffer(width, height, 3);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var course = y / 6;
                var shifted = x + (course % 2 * 7);
                var mortar = y % 6 == 0 || shifted % 14 == 0;
                var tone = mortar ? 0.85f : 0.45f + (0.1f * ((shifted / 14 * 7 + course * 3) % 4));
                texture.Pixels[texture.IndexOf(x, y, 0)] = tone;
                texture.Pixels[texture.IndexOf(x, y, 1)] = tone * (mortar ? 0.95f : 0.5f);
                texture.Pixels[texture.IndexOf(x, y, 2)] = tone * (mortar ? 0.9f : 0.35f);
            }
        }
        return texture;
    }

    private static double MeanAbsoluteError(TextureBuffer a, TextureBuffer b) => a.Pixels.Zip(b.Pixels, (x, y) => Math.Abs(x - y)).Average();

    [Fact]
    public void Given_a_result_that_recolours_the_shrunk_texture_Then_the_full_texture_gets_the_recolouring_with_its_own_detail()
    {
        // Given a brick wall, its quarter-size copy, and a result that darkens and tints that copy (as night does)
        var texture = Bricks(128, 96);
        var shrunk = TextureResample.Bicubic(texture, 32, 24, wrap: false);
        float Night(int channel, float v) => (v * (channel == 2 ? 0.45f : 0.3f)) + (channel == 2 ? 0.08f : 0.02f);
        var result = Map(shrunk, Night);

        // When the result is brought back guided by the texture, and by a plain resize
        var guided = GuidedUpsampling.Apply(texture, shrunk, result, wrap: false);
        var resized = TextureResample.Bicubic(result, 128, 96, wrap: false);

        // Then the guided one is the recoloured full texture, far closer than the resize, which keeps the working scale's softness
        var expected = Map(texture, Night);
        var guidedError = MeanAbsoluteError(guided, expected);
        var resizedError = MeanAbsoluteError(resized, expected);
        Assert.True(guidedError < 0.02 && guidedError < resizedError / 3, $"guided {guidedError:F4}, resized {resizedError:F4}");
    }

    [Fact]
    public void Given_a_flat_result_Then_the_output_is_that_flat_colour_and_none_of_the_texture()
    {
        var texture = PatternTextures.Scene(64, 64);
        var shrunk = TextureResample.Bicubic(texture, 16, 16, wrap: false);
        var result = Map(shrunk, (channel, _) => 0.2f + (0.1f * channel));

        var guided = GuidedUpsampling.Apply(texture, shrunk, result, wrap: false);

        Assert.All(Enumerable.Range(0, guided.Pixels.Length), i => Assert.Equal(0.2f + (0.1f * (i % 3)), guided.Pixels[i], 5));
    }

    [Fact]
    public void Given_a_seamless_texture_When_shifted_by_one_shrunk_pixel_Then_its_conversion_shifts_with_it()
    {
        // Given a texture and the same texture rolled by 4 px (one pixel at scale 0.25), converted by a per-pixel
        // function that is not a colour transform (so the fit is not exact anywhere)
        var texture = PatternTextures.Scene(64, 48);
        var rolled = new TextureBuffer(64, 48, 3);
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    rolled.Pixels[rolled.IndexOf((x + 4) % 64, y, c)] = texture.Pixels[texture.IndexOf(x, y, c)];
                }
            }
        }
        TextureBuffer Convert(TextureBuffer t) => TextureResample.AtScale(t, 0.25, wrap: true, guided: true, small => Map(small, (_, v) => v * v));

        // When both are converted at scale 0.25 as seamless textures
        var output = Convert(texture);
        var rolledOutput = Convert(rolled);

        // Then the conversion of the rolled texture is the rolled conversion: windows and resizes wrap, with no edge
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(output.Pixels[output.IndexOf(x, y, c)], rolledOutput.Pixels[rolledOutput.IndexOf((x + 4) % 64, y, c)], 4);
                }
            }
        }
    }

    [Fact]
    public void Given_a_result_of_another_size_Then_it_is_refused()
    {
        var texture = PatternTextures.Scene(64, 64);
        var shrunk = TextureResample.Bicubic(texture, 16, 16, wrap: false);

        Assert.Throws<ArgumentException>(() => GuidedUpsampling.Apply(texture, shrunk, TextureResample.Bicubic(texture, 16, 12, wrap: false), wrap: false));
    }
}
