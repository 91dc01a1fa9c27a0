namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>
/// How visible the wrap edge of a texture is when it is tiled: the mean absolute difference across the wrap
/// edge (last column against first, last row against first) divided by the same measure over interior
/// neighbouring columns and rows. A texture that tiles seamlessly scores about 1; a visible seam scores more.
/// </summary>
internal static class SeamError
{
    /// <summary>Measures an interleaved texture with any channel count; needs at least 2 x 2 pixels.</summary>
    public static double Measure(TextureBuffer texture)
    {
        int width = texture.Width, height = texture.Height, channels = texture.Channels;
        if (width < 2 || height < 2)
        {
            throw new ArgumentException($"A seam needs at least 2x2 pixels, got {width}x{height}.", nameof(texture));
        }
        var pixels = texture.Pixels;
        double interior = 0, across = 0;
        long interiorCount = 0, acrossCount = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var right = x + 1 < width ? x + 1 : 0;
                var below = y + 1 < height ? y + 1 : 0;
                for (var c = 0; c < channels; c++)
                {
                    var here = pixels[texture.IndexOf(x, y, c)];
                    var horizontal = Math.Abs(here - pixels[texture.IndexOf(right, y, c)]);
                    var vertical = Math.Abs(here - pixels[texture.IndexOf(x, below, c)]);
                    if (right == 0) { across += horizontal; acrossCount++; } else { interior += horizontal; interiorCount++; }
                    if (below == 0) { across += vertical; acrossCount++; } else { interior += vertical; interiorCount++; }
                }
            }
        }
        var interiorMean = interior / interiorCount;
        return interiorMean == 0 ? (across == 0 ? 1 : double.PositiveInfinity) : across / acrossCount / interiorMean;
    }
}
