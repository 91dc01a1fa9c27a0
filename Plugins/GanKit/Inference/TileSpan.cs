namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>One tile's extent along one axis, in the coordinates of the domain being tiled.</summary>
/// <param name="Start">First pixel, a multiple of 4 so the tile sees the generator's stride-4 grid in the same phase as the whole image.</param>
/// <param name="Length">Pixels, a multiple of 4.</param>
internal readonly record struct TileSpan(int Start, int Length)
{
    /// <summary>One past the last pixel.</summary>
    public int End => Start + Length;
}
