using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit;

/// <summary>Converts between host texture buffers ([0, 1], interleaved) and network tensors ([-1, 1], NCHW).</summary>
internal static class TexturePixels
{
    /// <summary>
    /// A [1, 3, H, W] tensor in [-1, 1] on the CPU. Gray becomes RGB and alpha is ignored, because the
    /// networks see colour only.
    /// </summary>
    public static Tensor ToTensor(TextureBuffer texture)
    {
        var plane = texture.Width * texture.Height;
        var planar = new float[3 * plane];
        var source = texture.Pixels;
        var channels = texture.Channels;
        var gray = channels < 3;
        for (var p = 0; p < plane; p++)
        {
            var offset = p * channels;
            for (var c = 0; c < 3; c++)
            {
                planar[(c * plane) + p] = (source[offset + (gray ? 0 : c)] * 2f) - 1f;
            }
        }
        return tensor(planar, [1, 3, texture.Height, texture.Width]);
    }

    /// <summary>An RGB texture from a [1, 3, H, W] tensor in [-1, 1], clamped to [0, 1].</summary>
    public static TextureBuffer ToTexture(Tensor image)
    {
        using var scope = NewDisposeScope();
        var height = (int)image.shape[2];
        var width = (int)image.shape[3];
        var interleaved = ((image[0].permute(1, 2, 0) + 1) * 0.5).clamp(0, 1).contiguous().to(CPU);
        return new TextureBuffer(width, height, 3, interleaved.data<float>().ToArray());
    }
}
