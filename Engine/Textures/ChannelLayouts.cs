using StyleForge.Plugins;

namespace StyleForge.Engine.Textures;

/// <summary>
/// Moves textures between their file's channel layout and the RGB a stylizer takes: gray is
/// expanded for inference and folded back by luminance, alpha is carried over bit for bit.
/// </summary>
public static class ChannelLayouts
{
    // Rec. 709 / sRGB luma weights: the gray an artist expects from a colour image.
    private const float LumaR = 0.2126f;
    private const float LumaG = 0.7152f;
    private const float LumaB = 0.0722f;

    /// <summary>
    /// The colour part of any layout as 3 channels (gray repeated, alpha dropped). An RGB source is
    /// returned as it is, not copied: at 4096 x 4096 a copy costs 192 MiB.
    /// </summary>
    public static TextureBuffer ToRgb(TextureBuffer source)
    {
        if (source.Channels == 3)
        {
            return source;
        }
        var rgb = new TextureBuffer(source.Width, source.Height, 3) { BitDepth = source.BitDepth, Encoding = source.Encoding };
        var src = source.Pixels;
        var dst = rgb.Pixels;
        var c = source.Channels;
        var gray = c <= 2;
        for (int p = 0, i = 0; p < dst.Length; p += 3, i += c)
        {
            dst[p] = src[i];
            dst[p + 1] = gray ? src[i] : src[i + 1];
            dst[p + 2] = gray ? src[i] : src[i + 2];
        }
        return rgb;
    }

    /// <summary>The alpha channel of a gray+alpha or RGBA buffer as its own plane, or null when it has none.</summary>
    public static float[]? AlphaOf(TextureBuffer source)
    {
        if (!source.HasAlpha)
        {
            return null;
        }
        var alpha = new float[source.Width * source.Height];
        var c = source.Channels;
        for (var i = 0; i < alpha.Length; i++)
        {
            alpha[i] = source.Pixels[i * c + c - 1];
        }
        return alpha;
    }

    /// <summary>
    /// Builds a buffer of <paramref name="channels"/> channels from stylized RGB: gray layouts take the
    /// luminance, and <paramref name="alpha"/> (from <see cref="AlphaOf"/>) is copied in unchanged.
    /// For 3 channels <paramref name="rgb"/> itself is returned.
    /// </summary>
    public static TextureBuffer Compose(TextureBuffer rgb, float[]? alpha, int channels)
    {
        if (alpha is not null && alpha.Length != rgb.Width * rgb.Height)
        {
            throw new ArgumentException($"Stylized {rgb.Width}x{rgb.Height} does not match the source's {alpha.Length} alpha values.", nameof(rgb));
        }
        if (channels == 3)
        {
            return rgb;
        }
        var result = new TextureBuffer(rgb.Width, rgb.Height, channels) { Encoding = rgb.Encoding };
        var src = rgb.Pixels;
        var dst = result.Pixels;
        for (int p = 0, i = 0, a = 0; i < dst.Length; p += 3, i += channels, a++)
        {
            switch (channels)
            {
                case 1:
                    dst[i] = Luma(src, p);
                    break;
                case 2:
                    dst[i] = Luma(src, p);
                    dst[i + 1] = alpha?[a] ?? 1f;
                    break;
                default:
                    dst[i] = src[p];
                    dst[i + 1] = src[p + 1];
                    dst[i + 2] = src[p + 2];
                    dst[i + 3] = alpha?[a] ?? 1f;
                    break;
            }
        }
        return result;
    }

    private static float Luma(float[] rgb, int p) => LumaR * rgb[p] + LumaG * rgb[p + 1] + LumaB * rgb[p + 2];
}
