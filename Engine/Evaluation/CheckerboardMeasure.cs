using StyleForge.Plugins;

namespace StyleForge.Engine.Evaluation;

/// <summary>
/// How strongly an image alternates with a 2-pixel period, the grid that stride-2 transposed convolutions leave
/// (Odena et al. 2016, "Deconvolution and Checkerboard Artifacts"). The luminance is cut into 8 x 8 tiles; in each
/// tile the means of the four 2 x 2 pixel phases ((even, even), (odd, even), (even, odd), (odd, odd) columns and rows)
/// are taken, and their root-mean-square deviation from their own average is the tile's value. Those deviations are
/// exactly the tile's spectral amplitude at the 2-pixel period (the (pi, 0), (0, pi) and (pi, pi) frequencies), so
/// smooth content scores near zero while a grid scores its amplitude. The image's value is the mean over whole tiles.
/// Edges and fine texture score a little too, so an image is judged against its truth's value.
/// </summary>
public static class CheckerboardMeasure
{
    /// <summary>Small enough for the grid to keep one phase within a tile, large enough to average out texture.</summary>
    private const int Tile = 8;

    public static double Of(TextureBuffer image) => Of(ImageQuality.Luminance(image), image.Width, image.Height);

    public static double Of(double[] luminance, int width, int height)
    {
        var total = 0.0;
        var tiles = 0;
        var phases = new double[4];
        for (var top = 0; top + Tile <= height; top += Tile)
        {
            for (var left = 0; left + Tile <= width; left += Tile)
            {
                Array.Clear(phases);
                for (var y = top; y < top + Tile; y++)
                {
                    for (var x = left; x < left + Tile; x++)
                    {
                        phases[(y % 2) * 2 + x % 2] += luminance[y * width + x];
                    }
                }
                var average = phases.Sum() / 4;
                total += Math.Sqrt(phases.Sum(p => (p - average) * (p - average)) / 4) / (Tile * Tile / 4);
                tiles++;
            }
        }
        return tiles == 0 ? 0 : total / tiles;
    }
}
