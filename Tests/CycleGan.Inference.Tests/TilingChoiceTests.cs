using StyleForge.Plugins;
using StyleForge.Plugins.GanKit.Inference;

namespace StyleForge.CycleGan.Inference.Tests;

public sealed class TilingChoiceTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(-8)]
    public void A_tile_size_the_generator_cannot_use_is_named_as_users_set_it(int tile)
    {
        var error = Assert.Throws<PluginException>(() => TilingChoice.From(new StylizeSettings(TileSize: tile)));

        // The host passes --tile (convert, bench convert) and 'tile:' (a pipeline step); no user can type tile_size.
        Assert.Contains("--tile, or 'tile:' in a pipeline", error.Message);
        Assert.DoesNotContain("tile_size", error.Message);
        Assert.Contains(tile.ToString(), error.Message);
    }

    [Fact]
    public void Zero_picks_the_default_tile_and_overlap()
    {
        Assert.Equal(new TilingChoice(TilingChoice.DefaultTile, TilingChoice.DefaultOverlap), TilingChoice.From(new StylizeSettings()));
    }
}
