using StyleForge.Plugins;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// Replaces the colour under fully transparent pixels with colour from the nearest visible ones
/// (push-pull: average the visible pixels down a pyramid, then fill holes from coarser levels), so
/// a network's receptive field never sees the arbitrary colour exporters leave there and no halo
/// bleeds into visible pixels.
/// </summary>
public static class AlphaFill
{
    /// <summary>
    /// Fills <paramref name="rgb"/> in place where <paramref name="alpha"/> (width x height values) is
    /// 0; visible pixels are unchanged. In place because a 4096 x 4096 copy would cost 192 MiB.
    /// </summary>
    public static void FillTransparent(TextureBuffer rgb, ReadOnlySpan<float> alpha)
    {
        var weights = new float[rgb.Width * rgb.Height];
        var visible = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (alpha[i] > 0f)
            {
                weights[i] = 1f;
                visible++;
            }
        }
        if (visible == 0 || visible == weights.Length)
        {
            return;
        }
        Fill(rgb.Pixels, weights, rgb.Width, rgb.Height);
    }

    /// <summary>Fills colours with zero weight in place from a half-size level of weighted averages, recursively.</summary>
    private static void Fill(float[] colour, float[] weight, int width, int height)
    {
        if (width == 1 && height == 1)
        {
            return;
        }
        var halfWidth = (width + 1) / 2;
        var halfHeight = (height + 1) / 2;
        var coarseColour = new float[halfWidth * halfHeight * 3];
        var coarseWeight = new float[halfWidth * halfHeight];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var w = weight[y * width + x];
                if (w == 0f)
                {
                    continue;
                }
                var c = (y / 2) * halfWidth + x / 2;
                var i = (y * width + x) * 3;
                coarseWeight[c] += w;
                coarseColour[c * 3] += colour[i] * w;
                coarseColour[c * 3 + 1] += colour[i + 1] * w;
                coarseColour[c * 3 + 2] += colour[i + 2] * w;
            }
        }
        for (var c = 0; c < coarseWeight.Length; c++)
        {
            if (coarseWeight[c] > 0f)
            {
                coarseColour[c * 3] /= coarseWeight[c];
                coarseColour[c * 3 + 1] /= coarseWeight[c];
                coarseColour[c * 3 + 2] /= coarseWeight[c];
                coarseWeight[c] = 1f;
            }
        }
        Fill(coarseColour, coarseWeight, halfWidth, halfHeight);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (weight[y * width + x] != 0f)
                {
                    continue;
                }
                var c = ((y / 2) * halfWidth + x / 2) * 3;
                var i = (y * width + x) * 3;
                colour[i] = coarseColour[c];
                colour[i + 1] = coarseColour[c + 1];
                colour[i + 2] = coarseColour[c + 2];
            }
        }
    }
}
