namespace StyleForge.Engine.Textures.Dds;

/// <summary>Mip levels by 2 x 2 box filtering; sRGB colour is averaged in linear light, alpha as stored.</summary>
public static class MipChain
{
    private static readonly float[] ToLinear = Enumerable.Range(0, 256).Select(v => SrgbToLinear(v / 255f)).ToArray();

    /// <summary>The next level down of an RGBA image: each side halved (at least 1), odd edges folded into the last pixel.</summary>
    public static byte[] HalfSize(byte[] rgba, int width, int height, bool srgb)
    {
        var w = Math.Max(1, width / 2);
        var h = Math.Max(1, height / 2);
        var result = new byte[w * h * 4];
        Parallel.For(0, h, y =>
        {
            var y0 = Math.Min(2 * y, height - 1);
            var y1 = Math.Min(2 * y + 1, height - 1);
            for (var x = 0; x < w; x++)
            {
                var x0 = Math.Min(2 * x, width - 1);
                var x1 = Math.Min(2 * x + 1, width - 1);
                for (var c = 0; c < 4; c++)
                {
                    int a = rgba[(y0 * width + x0) * 4 + c], b = rgba[(y0 * width + x1) * 4 + c];
                    int d = rgba[(y1 * width + x0) * 4 + c], e = rgba[(y1 * width + x1) * 4 + c];
                    result[(y * w + x) * 4 + c] = srgb && c < 3
                        ? (byte)MathF.Round(LinearToSrgb((ToLinear[a] + ToLinear[b] + ToLinear[d] + ToLinear[e]) / 4) * 255)
                        : (byte)((a + b + d + e + 2) / 4);
                }
            }
        });
        return result;
    }

    private static float SrgbToLinear(float v) => v <= 0.04045f ? v / 12.92f : MathF.Pow((v + 0.055f) / 1.055f, 2.4f);

    private static float LinearToSrgb(float v) => Math.Clamp(v <= 0.0031308f ? v * 12.92f : 1.055f * MathF.Pow(v, 1 / 2.4f) - 0.055f, 0f, 1f);
}
