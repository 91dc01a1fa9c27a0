namespace StyleForge.Plugins.Onnx;

/// <summary>
/// Where the tiles of one image axis start, all of one length, and how much each pixel of a tile counts when
/// neighbouring tiles overlap: a ramp over the overlap on every side that has a neighbour, 1 elsewhere. Blended
/// outputs are divided by the summed weights, so the ramps need not add up to 1.
/// </summary>
internal sealed class TileSpans
{
    private TileSpans(int[] starts, int length, int overlap, bool circular)
    {
        Starts = starts;
        Length = length;
        _overlap = overlap;
        _circular = circular;
    }

    private readonly int _overlap;
    private readonly bool _circular;

    public IReadOnlyList<int> Starts { get; }

    public int Length { get; }

    /// <summary>
    /// Spans covering 0 to <paramref name="size"/> (a multiple of <paramref name="multiple"/>): one span when it fits
    /// <paramref name="tile"/>, otherwise evenly spread spans of <paramref name="tile"/> overlapping by at least <paramref name="overlap"/>.
    /// </summary>
    public static TileSpans Linear(int size, int tile, int overlap, int multiple)
    {
        if (size <= tile)
        {
            return new TileSpans([0], size, 0, circular: false);
        }
        var count = (int)Math.Ceiling((size - overlap) / (double)(tile - overlap));
        var starts = new int[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = (int)((long)i * (size - tile) / (count - 1)) / multiple * multiple;
        }
        starts[^1] = size - tile;
        return new TileSpans(starts, tile, overlap, circular: false);
    }

    /// <summary>
    /// Spans around a circle of <paramref name="size"/> pixels (a seamless texture): one span of the size rounded up to
    /// <paramref name="multiple"/> when it fits <paramref name="tile"/>, otherwise evenly spaced spans that wrap past the end.
    /// </summary>
    public static TileSpans Circular(int size, int tile, int overlap, int multiple)
    {
        var rounded = (size + multiple - 1) / multiple * multiple;
        if (rounded <= tile)
        {
            // A length past the size wraps onto the start; those pixels are blended with the first ones.
            return new TileSpans([0], rounded, rounded - size, circular: rounded != size);
        }
        var count = (int)Math.Ceiling(size / (double)(tile - overlap));
        var starts = new int[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = (int)((long)i * size / count);
        }
        return new TileSpans(starts, tile, overlap, circular: true);
    }

    /// <summary>The weight of position <paramref name="t"/> of span <paramref name="index"/>.</summary>
    public float Weight(int index, int t)
    {
        var rampIn = _circular || index > 0;
        var rampOut = _circular || index < Starts.Count - 1;
        var weight = 1f;
        if (_overlap > 0 && rampIn)
        {
            weight = Math.Min(weight, (t + 1f) / (_overlap + 1f));
        }
        if (_overlap > 0 && rampOut)
        {
            weight = Math.Min(weight, (Length - t) / (_overlap + 1f));
        }
        return weight;
    }
}
