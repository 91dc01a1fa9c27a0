namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>
/// Brings a result computed on a shrunk texture back to the texture's size, with the full-size texture as the guide:
/// the guided filter's joint upsampling (He, Sun and Tang 2013, "Guided Image Filtering"; Wu et al. 2018, "Fast
/// End-to-End Trainable Guided Filter", use it to upsample a network's low-resolution output). In every small window
/// of the shrunk pair, each channel of the result is fitted as a gain times the shrunk texture's channel plus an offset
/// (least squares, with <see cref="Epsilon"/> keeping a flat window's gain near 0). The gains and offsets, averaged
/// over the windows that cover a pixel, are resized to the full size and applied to the full-size texture.
/// <para>
/// Where the result is locally a colour transform of the texture (relighting darkens a brick wall, a lit room keeps its
/// curtain's folds), the bricks, mortar lines and frames of the full-size texture come back at full sharpness, where
/// a plain resize of the result would leave them at the working scale's softness. Where the result does not follow
/// the texture (a glow on a flat wall), the gain is near 0 and the offset carries the result, resized as a plain
/// resize would.
/// </para>
/// </summary>
internal static class GuidedUpsampling
{
    /// <summary>
    /// The window's radius, in pixels of the shrunk texture: 3 x 3 windows, whose averaged fits reach 5 x 5. At a working
    /// scale of 0.25 that is 20 px of the texture, about half a window of the sample's facades.
    /// </summary>
    public const int Radius = 1;

    /// <summary>
    /// The fit's regulariser, in squared texture values: a window whose values vary by about 0.03 (standard deviation)
    /// keeps half the gain a plain fit would give it, so faint noise is not amplified.
    /// </summary>
    public const double Epsilon = 1e-3;

    /// <summary>
    /// <paramref name="result"/> (the size of <paramref name="shrunk"/>) at <paramref name="texture"/>'s size, guided by
    /// <paramref name="texture"/>; <paramref name="shrunk"/> is <paramref name="texture"/> at the result's size. Windows and
    /// resizes wrap around for a seamless texture (<paramref name="wrap"/>), so it stays seamless.
    /// </summary>
    public static TextureBuffer Apply(TextureBuffer texture, TextureBuffer shrunk, TextureBuffer result, bool wrap)
    {
        if (result.Width != shrunk.Width || result.Height != shrunk.Height || result.Channels != 3 || shrunk.Channels != 3 || texture.Channels != 3)
        {
            throw new ArgumentException(
                $"guided upsampling needs an RGB result the size of the shrunk RGB texture; got {result.Width}x{result.Height}x{result.Channels} for {shrunk.Width}x{shrunk.Height}x{shrunk.Channels}");
        }
        var width = shrunk.Width;
        var height = shrunk.Height;
        var gains = new TextureBuffer(width, height, 3);
        var offsets = new TextureBuffer(width, height, 3);
        var count = width * height;
        for (var c = 0; c < 3; c++)
        {
            var guide = new double[count];
            var target = new double[count];
            for (var i = 0; i < count; i++)
            {
                guide[i] = shrunk.Pixels[(i * 3) + c];
                target[i] = result.Pixels[(i * 3) + c];
            }
            var meanGuide = Box(guide, width, height, wrap);
            var meanTarget = Box(target, width, height, wrap);
            var meanProduct = Box(Multiply(guide, target), width, height, wrap);
            var meanSquare = Box(Multiply(guide, guide), width, height, wrap);
            var gain = new double[count];
            var offset = new double[count];
            for (var i = 0; i < count; i++)
            {
                var variance = meanSquare[i] - (meanGuide[i] * meanGuide[i]);
                var covariance = meanProduct[i] - (meanGuide[i] * meanTarget[i]);
                gain[i] = covariance / (variance + Epsilon);
                offset[i] = meanTarget[i] - (gain[i] * meanGuide[i]);
            }
            var meanGain = Box(gain, width, height, wrap);
            var meanOffset = Box(offset, width, height, wrap);
            for (var i = 0; i < count; i++)
            {
                gains.Pixels[(i * 3) + c] = (float)meanGain[i];
                offsets.Pixels[(i * 3) + c] = (float)meanOffset[i];
            }
        }
        // The full-size gains become the output in place: one full-size buffer fewer for a large texture.
        var output = TextureResample.Resize(gains, texture.Width, texture.Height, wrap, clampToUnit: false);
        var fullOffsets = TextureResample.Resize(offsets, texture.Width, texture.Height, wrap, clampToUnit: false);
        for (var i = 0; i < output.Pixels.Length; i++)
        {
            output.Pixels[i] = Math.Clamp((output.Pixels[i] * texture.Pixels[i]) + fullOffsets.Pixels[i], 0f, 1f);
        }
        return output;
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var product = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            product[i] = a[i] * b[i];
        }
        return product;
    }

    /// <summary>The mean over each pixel's (2 <see cref="Radius"/> + 1)^2 window; edges repeat, or wrap.</summary>
    private static double[] Box(double[] plane, int width, int height, bool wrap)
    {
        var rows = new double[plane.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var sum = 0.0;
                for (var k = -Radius; k <= Radius; k++)
                {
                    sum += plane[(y * width) + Index(x + k, width, wrap)];
                }
                rows[(y * width) + x] = sum;
            }
        }
        var box = new double[plane.Length];
        const double taps = ((2 * Radius) + 1) * ((2 * Radius) + 1);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var sum = 0.0;
                for (var k = -Radius; k <= Radius; k++)
                {
                    sum += rows[(Index(y + k, height, wrap) * width) + x];
                }
                box[(y * width) + x] = sum / taps;
            }
        }
        return box;
    }

    private static int Index(int i, int length, bool wrap) => wrap ? ((i % length) + length) % length : Math.Clamp(i, 0, length - 1);
}
