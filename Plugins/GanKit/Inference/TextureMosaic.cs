namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>
/// A stand-in for a texture too large to pass through the generator whole: full-resolution patches taken on an
/// even grid across it and laid side by side. Unlike a downscaled copy it keeps the fine detail (and so the
/// variance the first layers see), and the grid still samples the tone of every region of the texture.
/// </summary>
internal static class TextureMosaic
{
    /// <summary>Builds a <paramref name="width"/> x <paramref name="height"/> mosaic of <paramref name="patch"/>-pixel patches of <paramref name="source"/>.</summary>
    public static TextureBuffer Sample(TextureBuffer source, int width, int height, int patch)
    {
        var mosaic = new TextureBuffer(width, height, 3);
        int across = Math.Max(1, width / patch), down = Math.Max(1, height / patch);
        for (var j = 0; j < down; j++)
        {
            var cellHeight = j == down - 1 ? height - (j * patch) : patch;
            var sourceY = Spread(j, down, source.Height - cellHeight);
            for (var i = 0; i < across; i++)
            {
                var cellWidth = i == across - 1 ? width - (i * patch) : patch;
                var sourceX = Spread(i, across, source.Width - cellWidth);
                for (var y = 0; y < cellHeight; y++)
                {
                    Array.Copy(source.Pixels, source.IndexOf(sourceX, sourceY + y, 0), mosaic.Pixels, mosaic.IndexOf(i * patch, (j * patch) + y, 0), cellWidth * 3);
                }
            }
        }
        return mosaic;
    }

    private static int Spread(int index, int count, int room) => count == 1 ? room / 2 : (int)Math.Round(index * (double)room / (count - 1));
}
