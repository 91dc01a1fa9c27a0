namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>
/// Splits one axis into overlapping tiles and gives each tile its blend weights, normalised so that the
/// weights of all tiles add up to exactly 1 at every pixel. Because the 2-D weight of a tile is the product
/// of its two axis weights, normalising each axis alone normalises the product, and no weight map is needed.
/// </summary>
internal sealed class TileAxis
{
    private readonly float[][] _weights;

    private TileAxis(IReadOnlyList<TileSpan> spans, float[][] weights)
    {
        Spans = spans;
        _weights = weights;
    }

    /// <summary>The tiles in order. On a line the first starts at 0 and the last ends at the length; on a circle a tile may wrap past the end.</summary>
    public IReadOnlyList<TileSpan> Spans { get; }

    /// <summary>The blend weight of tile <paramref name="index"/> at each of its pixels.</summary>
    public ReadOnlySpan<float> Weights(int index) => _weights[index];

    /// <summary>
    /// Plans the tiles for a domain of <paramref name="length"/> pixels (a multiple of 4). Tiles are at most
    /// <paramref name="tile"/> long, neighbours share at least <paramref name="overlap"/> pixels, and starts are
    /// spread evenly on multiples of 4. In each shared band the outer quarter next to a tile's own edge gets
    /// weight 0 (that is where its missing context distorts it most), and the middle half blends the two
    /// tiles with a raised-cosine ramp.
    /// </summary>
    public static TileAxis Plan(int length, int tile, int overlap)
    {
        if (length % 4 != 0 || tile % 4 != 0 || overlap % 4 != 0 || tile <= 0 || overlap < 0 || 2 * overlap > tile)
        {
            throw new ArgumentException($"Cannot tile length {length} with tile {tile} and overlap {overlap}: all must be multiples of 4, and the overlap at most half the tile.");
        }
        if (length <= tile)
        {
            return new TileAxis([new TileSpan(0, length)], [Enumerable.Repeat(1f, length).ToArray()]);
        }
        var spans = SpreadEvenly(length, tile, overlap);
        var raw = new float[spans.Count][];
        for (var i = 0; i < spans.Count; i++)
        {
            raw[i] = Window(spans[i].Length, i > 0 ? overlap : 0, i < spans.Count - 1 ? overlap : 0);
        }
        return new TileAxis(spans, Normalise(length, spans, raw));
    }

    /// <summary>
    /// Plans tiles around a circle of <paramref name="length"/> pixels, for seamless textures: a tile may run past
    /// the end and continue at 0, and every tile edge has a neighbour, so every edge is blended away. A circle that
    /// fits in one tile still gets two full-length tiles half a turn apart: a generator run on the whole torus is
    /// exact except next to its right and bottom edges (the transposed convolutions have no wrap-around), and
    /// the second tile covers that strip from its middle.
    /// </summary>
    public static TileAxis PlanCircular(int length, int tile, int overlap)
    {
        if (tile % 4 != 0 || overlap % 4 != 0 || tile <= 0 || overlap < 0 || 2 * overlap > tile || length < 1)
        {
            throw new ArgumentException($"Cannot tile circle {length} with tile {tile} and overlap {overlap}: tile and overlap must be multiples of 4, the overlap at most half the tile.");
        }
        var whole = (length + 3) / 4 * 4;
        var spanLength = Math.Min(tile, whole);
        var count = whole <= tile ? 2 : (int)Math.Ceiling(length / (double)(tile - overlap));
        var spans = StartsAround(length, spanLength, count);
        while (whole > tile && !SharesAtLeast(spans, length, overlap))
        {
            // Rounding starts to multiples of 4 can shave a few pixels off one overlap; one more tile restores it.
            spans = StartsAround(length, spanLength, ++count);
        }
        var band = Math.Min(overlap, spanLength / 2 / 4 * 4);
        var raw = spans.Select(span => Window(span.Length, band, band)).ToArray();
        return new TileAxis(spans, Normalise(length, spans, raw));
    }

    /// <summary>
    /// Starts spread evenly around the circle and shifted back by half a tile, so the texture's own wrap edge
    /// lies in the middle of the first tile, where a tile is at its best, rather than in a blend band.
    /// </summary>
    private static List<TileSpan> StartsAround(int length, int spanLength, int count)
    {
        var shift = spanLength / 2 / 4 * 4;
        return Enumerable.Range(0, count)
            .Select(i => new TileSpan((((int)Math.Round(i * length / (double)count / 4) * 4) - shift + length) % length, spanLength))
            .ToList();
    }

    /// <summary>True when every tile shares at least <paramref name="overlap"/> pixels with the next one around the circle.</summary>
    private static bool SharesAtLeast(List<TileSpan> spans, int length, int overlap) =>
        spans.Select((span, i) => span.Length - ((spans[(i + 1) % spans.Count].Start - span.Start + length) % length)).All(shared => shared >= overlap);

    private static List<TileSpan> SpreadEvenly(int length, int tile, int overlap)
    {
        var count = (int)Math.Ceiling((length - overlap) / (double)(tile - overlap));
        while (true)
        {
            var spans = new List<TileSpan>(count);
            var fits = true;
            for (var i = 0; i < count; i++)
            {
                var start = (int)Math.Round(i * (length - tile) / (double)(count - 1) / 4) * 4;
                spans.Add(new TileSpan(start, tile));
                fits &= i == 0 || spans[i - 1].End - start >= overlap;
            }
            if (fits)
            {
                return spans;
            }
            // Rounding starts to multiples of 4 can shave a few pixels off one overlap; one more tile restores it.
            count++;
        }
    }

    private static float[] Window(int length, int leftBand, int rightBand)
    {
        var weights = new float[length];
        for (var p = 0; p < length; p++)
        {
            weights[p] = Ramp(p, leftBand) * Ramp(length - 1 - p, rightBand);
        }
        return weights;
    }

    /// <summary>Weight at <paramref name="depth"/> pixels in from a tile edge that has a neighbour sharing <paramref name="band"/> pixels.</summary>
    private static float Ramp(int depth, int band)
    {
        if (band == 0)
        {
            return 1f;
        }
        var skipped = band / 4;
        var rise = band - (2 * skipped);
        var t = Math.Clamp((depth - skipped + 0.5) / rise, 0, 1);
        return (float)(0.5 - (0.5 * Math.Cos(Math.PI * t)));
    }

    private static float[][] Normalise(int length, List<TileSpan> spans, float[][] raw)
    {
        var sum = new double[length];
        for (var i = 0; i < spans.Count; i++)
        {
            for (var p = 0; p < spans[i].Length; p++)
            {
                sum[(spans[i].Start + p) % length] += raw[i][p];
            }
        }
        for (var i = 0; i < spans.Count; i++)
        {
            for (var p = 0; p < spans[i].Length; p++)
            {
                raw[i][p] = (float)(raw[i][p] / sum[(spans[i].Start + p) % length]);
            }
        }
        return raw;
    }
}
