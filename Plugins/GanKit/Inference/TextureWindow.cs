using StyleForge.Plugins.GanKit.Model;


namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>
/// Reads rectangles of an RGB texture as planar network input in [-1, 1]. Rectangles may reach past the
/// texture: <see cref="PaddingMode.Reflect"/> mirrors it (the reference's padding, used to round sizes up to
/// the network's multiple of 4), <see cref="PaddingMode.Circular"/> wraps around it (seamless textures are a torus).
/// </summary>
internal sealed class TextureWindow
{
    private readonly TextureBuffer _texture;
    private readonly PaddingMode _border;

    public TextureWindow(TextureBuffer texture, PaddingMode border)
    {
        if (texture.Channels != 3)
        {
            throw new ArgumentException($"Expected an RGB texture, got {texture.Channels} channels.", nameof(texture));
        }
        _texture = texture;
        _border = border;
    }

    /// <summary>Copies the rectangle at (<paramref name="x"/>, <paramref name="y"/>) as channel planes (3 x height x width), scaled to [-1, 1].</summary>
    public float[] ReadPlanar(int x, int y, int width, int height)
    {
        var planar = new float[3 * width * height];
        ReadPlanar(x, y, width, height, planar);
        return planar;
    }

    /// <summary>As <see cref="ReadPlanar(int, int, int, int)"/>, into <paramref name="planar"/> (at least 3 x width x height long), so tiles reuse one buffer.</summary>
    public void ReadPlanar(int x, int y, int width, int height, float[] planar)
    {
        var plane = width * height;
        var pixels = _texture.Pixels;
        var columns = new int[width];
        for (var i = 0; i < width; i++)
        {
            columns[i] = Fold(x + i, _texture.Width);
        }
        for (var row = 0; row < height; row++)
        {
            var sourceRow = Fold(y + row, _texture.Height) * _texture.Width;
            var target = row * width;
            for (var i = 0; i < width; i++)
            {
                var source = (sourceRow + columns[i]) * 3;
                planar[target + i] = (pixels[source] * 2f) - 1f;
                planar[plane + target + i] = (pixels[source + 1] * 2f) - 1f;
                planar[(2 * plane) + target + i] = (pixels[source + 2] * 2f) - 1f;
            }
        }
    }

    /// <summary>Maps a coordinate that may lie outside [0, size) onto the texture.</summary>
    private int Fold(int coordinate, int size)
    {
        if (_border == PaddingMode.Circular)
        {
            return ((coordinate % size) + size) % size;
        }
        if (size == 1)
        {
            return 0;
        }
        // Mirror without repeating the edge pixel, as ReflectionPad2d does; the period is 2(size - 1).
        var period = 2 * (size - 1);
        var folded = ((coordinate % period) + period) % period;
        return folded < size ? folded : period - folded;
    }
}
