using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>The padding and normalisation hooks tiled and seamless inference build on.</summary>
public sealed class GeneratorHookTests
{
    private static ResnetGenerator TinyGenerator()
    {
        var generator = new ResnetGenerator(new GeneratorArchitecture(4, 1));
        using var random = new Generator(3);
        ReferenceInitialization.Apply(generator, random);
        generator.eval();
        return generator;
    }

    [Fact]
    public void Circular_downsampling_commutes_with_wrapping_the_input()
    {
        // Given a stride-2 downsampling conv in circular mode and a texture rolled by 2 px
        using var conv = new DownsampleConv(3, 4);
        conv.WrapsBorder = true;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var texture = rand(1, 3, 12, 12, generator: new Generator(5));
        var rolled = texture.roll([2, -2], [2, 3]);

        // When both are downsampled
        var outputOfRolled = conv.forward(rolled);
        var rolledOutput = conv.forward(texture).roll([1, -1], [2, 3]);

        // Then the output of the wrapped input is the wrapped output, borders included
        Assert.True(outputOfRolled.allclose(rolledOutput, rtol: 1e-5, atol: 1e-6));

        // And with the reference zero padding it is not (the border rows differ)
        conv.WrapsBorder = false;
        Assert.False(conv.forward(rolled).allclose(conv.forward(texture).roll([1, -1], [2, 3]), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void The_generator_in_reflect_mode_zero_pads_its_downsampling_convs_as_the_reference()
    {
        // Given a generator switched to circular and back to the reference's (reflect) padding
        using var generator = TinyGenerator();
        generator.UsePadding(PaddingMode.Circular);
        generator.UsePadding(PaddingMode.Reflect);
        using var scope = NewDisposeScope();
        using var _ = no_grad();

        // Then each stride-2 conv computes torch's Conv2d with padding 1 of zeros, not a mirrored border
        foreach (var conv in generator.modules().OfType<DownsampleConv>())
        {
            using var sample = rand(1, conv.Weight.shape[1], 10, 10, generator: new Generator(11));
            var expected = nn.functional.conv2d(sample, conv.Weight, conv.Bias, strides: [2, 2], padding: [1, 1]);
            Assert.False(conv.WrapsBorder);
            Assert.True(conv.forward(sample).allclose(expected, rtol: 1e-5, atol: 1e-5));
        }
    }

    [Fact]
    public void Circular_border_pad_wraps_the_opposite_edge()
    {
        // Given a border pad of 2 in circular mode
        using var pad = new BorderPad(2) { Mode = PaddingMode.Circular };
        using var scope = NewDisposeScope();
        var image = arange(16f).reshape(1, 1, 4, 4);

        // When an image is padded
        var padded = pad.forward(image);

        // Then the new left columns are the image's last columns and the new top rows its last rows
        Assert.True(padded[.., .., 2..6, 0..2].allclose(image[.., .., .., 2..4]));
        Assert.True(padded[.., .., 0..2, 2..6].allclose(image[.., .., 2..4, ..]));
    }

    [Fact]
    public void Switching_back_to_reflect_restores_the_reference_output()
    {
        // Given a tiny generator and its reference output
        using var generator = TinyGenerator();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var input = rand(1, 3, 16, 16, generator: new Generator(6)) * 2 - 1;
        var reference = generator.forward(input);

        // When it is switched to circular and back
        generator.UsePadding(PaddingMode.Circular);
        var circular = generator.forward(input);
        generator.UsePadding(PaddingMode.Reflect);
        var restored = generator.forward(input);

        // Then circular mode changed the output and reflect mode gives the reference output again
        Assert.All(generator.modules().OfType<BorderPad>(), pad => Assert.Equal(PaddingMode.Reflect, pad.Mode));
        Assert.True((circular - reference).abs().max().item<float>() > 1e-4f);
        Assert.True(restored.allclose(reference));
    }

    [Fact]
    public void Recorded_statistics_replayed_on_the_same_image_give_the_per_sample_output()
    {
        // Given a tiny generator with shared statistics
        using var generator = TinyGenerator();
        using var statistics = new NormStatistics();
        generator.UseStatistics(statistics);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var input = rand(1, 3, 24, 24, generator: new Generator(8)) * 2 - 1;
        var perSample = generator.forward(input);

        // When statistics are recorded on the image and replayed on it
        statistics.Record();
        var recorded = generator.forward(input);
        statistics.Replay();
        var replayed = generator.forward(input);

        // Then all three agree, and every norm layer (7 for one block) was recorded
        Assert.Equal(7, statistics.RecordedLayers);
        Assert.True(recorded.allclose(perSample, rtol: 1e-4, atol: 1e-5));
        Assert.True(replayed.allclose(perSample, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Replayed_statistics_normalise_a_tile_like_the_whole_image()
    {
        // Given one norm layer whose statistics were recorded on a whole image
        using var norm = new InstanceNorm();
        using var statistics = new NormStatistics();
        norm.Statistics = statistics;
        using var scope = NewDisposeScope();
        var whole = rand(1, 2, 16, 16, generator: new Generator(9)) * 3 + 1;
        statistics.Record();
        var normalisedWhole = norm.forward(whole);

        // When a tile of that image is normalised with the replayed statistics, and again with its own
        statistics.Replay();
        var tile = whole[.., .., 0..8, 4..12];
        var replayedTile = norm.forward(tile);
        statistics.UsePerSample();
        var ownTile = norm.forward(tile);

        // Then the replayed tile equals the matching part of the whole image, unlike the per-tile one
        var expected = normalisedWhole[.., .., 0..8, 4..12];
        Assert.True(replayedTile.allclose(expected, rtol: 1e-4, atol: 1e-5));
        Assert.False(ownTile.allclose(expected, rtol: 1e-2, atol: 1e-3));
    }

    [Fact]
    public void Replay_without_a_recording_is_refused()
    {
        // Given statistics that recorded nothing
        using var statistics = new NormStatistics();

        // When replay is requested, then it is refused with a message naming what to do
        var error = Assert.Throws<InvalidOperationException>(() => statistics.Replay());
        Assert.Contains("Record", error.Message);
    }
}
