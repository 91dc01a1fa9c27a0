namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>The tile size and overlap one conversion uses, after defaults and rounding to the network's multiple of 4.</summary>
/// <param name="Tile">Largest tile side fed to the generator.</param>
/// <param name="Overlap">Pixels neighbouring tiles share.</param>
internal sealed record TilingChoice(int Tile, int Overlap)
{
    /// <summary>
    /// 512 px: a 512x512 tile of the default generator (ngf 64, 9 blocks) peaks near 0.7 GB in libtorch, so a
    /// 4096x4096 texture stays well under 2 GiB, while tiles stay large enough that overlap costs about 30% extra work.
    /// </summary>
    public const int DefaultTile = 512;

    /// <summary>
    /// 64 px: each tile discards the outer 16 px of a shared band and blends over the middle 32 px. Measured on the
    /// default generator (docs/inference.md), wider overlaps stop paying off once statistics are shared.
    /// </summary>
    public const int DefaultOverlap = 64;

    /// <summary>Smallest tile accepted; below this the generator's 1/4-scale grid has too little room to work with.</summary>
    public const int MinimumTile = 32;

    /// <summary>
    /// Applies the defaults for zeros and rounds to multiples of 4; the overlap is capped at half a tile. Errors name
    /// the tile size as users set it: <c>--tile</c> (convert, bench convert) or <c>tile:</c> (a pipeline's convert
    /// step). The host never sets an overlap, so only a plugin or test calling this directly can get that one wrong.
    /// </summary>
    public static TilingChoice From(StylizeSettings settings)
    {
        if (settings.TileSize < 0)
        {
            throw new PluginException($"the tile size (--tile, or 'tile:' in a pipeline) must be 0 (automatic) or positive, got {settings.TileSize}.");
        }
        if (settings.TileOverlap < 0)
        {
            throw new PluginException($"the tile overlap (StylizeSettings.TileOverlap) must be 0 (automatic) or positive, got {settings.TileOverlap}.");
        }
        var tile = settings.TileSize == 0 ? DefaultTile : settings.TileSize / 4 * 4;
        if (tile < MinimumTile)
        {
            throw new PluginException($"the tile size {settings.TileSize} (--tile, or 'tile:' in a pipeline) is too small for the ResNet generator: use at least {MinimumTile}, or 0 for the default {DefaultTile}.");
        }
        var overlap = settings.TileOverlap == 0 ? DefaultOverlap : (settings.TileOverlap + 3) / 4 * 4;
        return new TilingChoice(tile, Math.Min(overlap, tile / 2 / 4 * 4));
    }
}
