namespace StyleForge.Viewer.Tests;

/// <summary>Small generated textures whose every texel is known.</summary>
internal static class TestImages
{
    public static ViewerImage Solid(string name, int width, int height, byte r, byte g, byte b, byte a = 255) =>
        Generate(name, width, height, (_, _) => (r, g, b, a));

    /// <summary>A texture where each texel's colour encodes its position, so misplaced texels show.</summary>
    public static ViewerImage Gradient(string name, int width, int height, byte blue) =>
        Generate(name, width, height, (x, y) => ((byte)(x * 255 / Math.Max(1, width - 1)), (byte)(y * 255 / Math.Max(1, height - 1)), blue, 255));

    public static ViewerImage Generate(string name, int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> texel)
    {
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = texel(x, y);
                var i = (y * width + x) * 4;
                rgba[i] = r;
                rgba[i + 1] = g;
                rgba[i + 2] = b;
                rgba[i + 3] = a;
            }
        }
        return new ViewerImage(name, width, height, rgba);
    }

    /// <summary>A texture with its own mip chain (as a DDS has), each level one solid colour from <paramref name="colours"/>.</summary>
    public static ViewerImage WithLevels(string name, int size, params (byte R, byte G, byte B)[] colours)
    {
        var levels = colours.Select((colour, level) =>
        {
            var side = Math.Max(1, size >> level);
            var rgba = Solid(name, side, side, colour.R, colour.G, colour.B).Rgba;
            return new ViewerMipLevel(side, side, rgba, () => rgba);
        }).ToList();
        return new ViewerImage(name, size, size, levels[0].Data)
        {
            Texture = new ViewerTexture(ViewerPixelFormat.Rgba8, false, "R8G8B8A8_UNORM", levels),
        };
    }

    /// <summary>
    /// A BC1 texture whose levels are solid red, green and blue blocks (both endpoints the pure 5:6:5 colour, every
    /// index 0), so what each level shows is known without a decoder; DecodeRgba gives the same solid colours.
    /// </summary>
    public static ViewerImage Bc1RedGreenBlue(string name, int size)
    {
        (ushort Packed, (byte R, byte G, byte B) Rgb)[] colours = [(0xF800, (255, 0, 0)), (0x07E0, (0, 255, 0)), (0x001F, (0, 0, 255))];
        var levels = colours.Select((colour, level) =>
        {
            var side = Math.Max(1, size >> level);
            var blocks = new byte[(int)ViewerTexture.ByteCount(ViewerPixelFormat.Bc1, side, side)];
            for (var b = 0; b < blocks.Length; b += 8)
            {
                BitConverter.TryWriteBytes(blocks.AsSpan(b), colour.Packed);
                BitConverter.TryWriteBytes(blocks.AsSpan(b + 2), colour.Packed);
            }
            var rgba = Solid(name, side, side, colour.Rgb.R, colour.Rgb.G, colour.Rgb.B).Rgba;
            return new ViewerMipLevel(side, side, blocks, () => rgba);
        }).ToList();
        return new ViewerImage(name, size, size, levels[0].DecodeRgba())
        {
            Texture = new ViewerTexture(ViewerPixelFormat.Bc1, false, "BC1_UNORM", levels),
        };
    }

    public static (byte R, byte G, byte B, byte A) Texel(ViewerImage image, int x, int y)
    {
        var i = (y * image.Width + x) * 4;
        return (image.Rgba[i], image.Rgba[i + 1], image.Rgba[i + 2], image.Rgba[i + 3]);
    }
}
