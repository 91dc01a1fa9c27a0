namespace StyleForge.Plugins.GanKit.Benchmarks;

/// <summary>Generated RGB textures with known structure, for the inference benchmarks and their tests.</summary>
internal static class PatternTextures
{
    /// <summary>Smooth waves whose periods divide the size, so the texture tiles without a seam.</summary>
    public static TextureBuffer Tileable(int width, int height) =>
        Generate(width, height, (x, y, c) =>
        {
            var u = 2 * Math.PI * x / width;
            var v = 2 * Math.PI * y / height;
            return 0.5 + (0.25 * Math.Sin((2 * u) + c)) + (0.15 * Math.Cos((3 * v) - c)) + (0.08 * Math.Sin((5 * u) + (4 * v) + (2 * c)));
        });

    /// <summary>Waves on a diagonal ramp that do not repeat, so tone changes across the texture and opposite edges differ.</summary>
    public static TextureBuffer Scene(int width, int height) =>
        Generate(width, height, (x, y, c) =>
            (0.35 * (x + y) / (width + height)) + 0.3 + (0.2 * Math.Sin((x * 0.13) + (c * 1.7))) + (0.15 * Math.Cos((y * 0.071) - (x * 0.02 * c))));

    /// <summary>Mean absolute difference of two textures of the same shape.</summary>
    public static double MeanAbsoluteError(TextureBuffer a, TextureBuffer b)
    {
        if ((a.Width, a.Height, a.Channels) != (b.Width, b.Height, b.Channels))
        {
            throw new ArgumentException($"Cannot compare {a.Width}x{a.Height}x{a.Channels} with {b.Width}x{b.Height}x{b.Channels}.");
        }
        double sum = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            sum += Math.Abs(a.Pixels[i] - b.Pixels[i]);
        }
        return sum / a.Pixels.Length;
    }

    private static TextureBuffer Generate(int width, int height, Func<int, int, int, double> value)
    {
        var texture = new TextureBuffer(width, height, 3);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    texture.Pixels[texture.IndexOf(x, y, c)] = (float)Math.Clamp(value(x, y, c), 0, 1);
                }
            }
        }
        return texture;
    }
}
