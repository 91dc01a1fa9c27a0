using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan;
using StyleForge.Plugins.GanKit;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>Host buffers become network tensors in [-1, 1]: gray to RGB, alpha ignored, and back.</summary>
public sealed class TexturePixelsTests
{
    [Fact]
    public void Gray_with_alpha_becomes_three_equal_channels_without_the_alpha()
    {
        // Given a 2x1 gray+alpha texture
        var texture = new TextureBuffer(2, 1, 2, [0f, 1f, 1f, 0.25f]);
        using var scope = NewDisposeScope();

        // When it becomes a tensor
        var image = TexturePixels.ToTensor(texture);

        // Then every channel holds the gray values mapped to [-1, 1]
        Assert.Equal(new long[] { 1, 3, 1, 2 }, image.shape);
        Assert.True(image.allclose(tensor(new float[] { -1, 1, -1, 1, -1, 1 }).reshape(1, 3, 1, 2)));
    }

    [Fact]
    public void Rgba_round_trips_its_colour_and_drops_alpha()
    {
        // Given a 1x2 RGBA texture
        var texture = new TextureBuffer(1, 2, 4, [0.1f, 0.2f, 0.3f, 0.9f, 0.4f, 0.5f, 0.6f, 0.0f]);
        using var scope = NewDisposeScope();

        // When it goes to a tensor and back
        var back = TexturePixels.ToTexture(TexturePixels.ToTensor(texture));

        // Then the RGB values survive and the result has 3 channels
        Assert.Equal(3, back.Channels);
        Assert.Equal([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f], back.Pixels.Select(v => MathF.Round(v, 5)));
    }
}
