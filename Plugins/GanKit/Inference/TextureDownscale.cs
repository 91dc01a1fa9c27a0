namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>
/// Shrinks an RGB texture by area averaging: each target pixel is the mean of the source pixels its cell
/// covers. Averaging (rather than picking pixels) keeps the colour mean exactly, which is the statistic that
/// matters most for the tone of tiled output; it runs on the interleaved buffer, so the full-size image
/// never has to exist as a tensor.
/// </summary>
internal static class TextureDownscale
{
    /// <summary>Returns a <paramref name="width"/> x <paramref name="height"/> RGB copy of <paramref name="source"/> (no larger than it).</summary>
    public static TextureBuffer Area(TextureBuffer source, int width, int height)
    {
        var target = new TextureBuffer(width, height, 3);
        var sums = new double[width * 3];
        var columnStart = new int[width + 1];
        for (var x = 0; x <= width; x++)
        {
            columnStart[x] = (int)((long)x * source.Width / width);
        }
        for (var y = 0; y < height; y++)
        {
            Array.Clear(sums);
            int top = (int)((long)y * source.Height / height), bottom = (int)((long)(y + 1) * source.Height / height);
            for (var sy = top; sy < bottom; sy++)
            {
                for (var x = 0; x < width; x++)
                {
                    for (var sx = columnStart[x]; sx < columnStart[x + 1]; sx++)
                    {
                        var s = source.IndexOf(sx, sy, 0);
                        sums[3 * x] += source.Pixels[s];
                        sums[(3 * x) + 1] += source.Pixels[s + 1];
                        sums[(3 * x) + 2] += source.Pixels[s + 2];
                    }
                }
            }
            for (var x = 0; x < width; x++)
            {
                var count = (double)(bottom - top) * (columnStart[x + 1] - columnStart[x]);
                for (var c = 0; c < 3; c++)
                {
                    target.Pixels[target.IndexOf(x, y, c)] = (float)(sums[(3 * x) + c] / count);
                }
            }
        }
        return target;
    }
}
