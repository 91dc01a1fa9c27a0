namespace StyleForge.Engine.Textures.Bcn;

/// <summary>
/// The BC4 single-channel block (also BC3's alpha and each half of BC5): two 8-bit endpoints and a 3-bit index per
/// pixel. With the first endpoint greater there are eight interpolated values; otherwise six plus exact 0 and 255.
/// </summary>
public static class Bc4Block
{
    /// <summary>Decodes into channel <paramref name="channel"/> of 16 RGBA pixels.</summary>
    public static void Decode(ReadOnlySpan<byte> block, Span<byte> pixels, int channel)
    {
        Span<int> palette = stackalloc int[8];
        Palette(block[0], block[1], palette);
        var indices = Indices(block);
        for (var i = 0; i < 16; i++)
        {
            pixels[i * 4 + channel] = (byte)palette[(int)((indices >> (3 * i)) & 7)];
        }
    }

    private static ulong Indices(ReadOnlySpan<byte> block)
    {
        ulong indices = 0;
        for (var b = 0; b < 6; b++)
        {
            indices |= (ulong)block[2 + b] << (8 * b);
        }
        return indices;
    }

    private static void Palette(int a0, int a1, Span<int> palette)
    {
        palette[0] = a0;
        palette[1] = a1;
        if (a0 > a1)
        {
            for (var i = 1; i < 7; i++)
            {
                palette[i + 1] = ((7 - i) * a0 + i * a1) / 7;
            }
        }
        else
        {
            for (var i = 1; i < 5; i++)
            {
                palette[i + 1] = ((5 - i) * a0 + i * a1) / 5;
            }
            palette[6] = 0;
            palette[7] = 255;
        }
    }

    /// <summary>Encodes channel <paramref name="channel"/> of 16 RGBA pixels into an 8-byte block.</summary>
    public static void Encode(ReadOnlySpan<byte> pixels, int channel, Span<byte> block, BcQuality quality)
    {
        Span<int> values = stackalloc int[16];
        int lo = 255, hi = 0;
        for (var i = 0; i < 16; i++)
        {
            values[i] = pixels[i * 4 + channel];
            lo = Math.Min(lo, values[i]);
            hi = Math.Max(hi, values[i]);
        }
        int a0 = hi, a1 = lo;
        if (hi == lo)
        {
            // One value: the six-value palette holds it as its first endpoint.
            a0 = a1 = hi;
        }
        else if (quality == BcQuality.Quality)
        {
            var best = Error(values, hi, lo);
            // Eight-value palettes with endpoints moved inside the range a little: the extremes are rarely optimal.
            for (var h = hi; h >= Math.Max(lo + 1, hi - 4); h--)
            {
                for (var l = lo; l <= Math.Min(h - 1, lo + 4); l++)
                {
                    var error = Error(values, h, l);
                    if (error < best)
                    {
                        (best, a0, a1) = (error, h, l);
                    }
                }
            }
            // Six-value palettes spanning the values that are not exactly 0 or 255 (which the palette holds for free).
            int innerLo = 255, innerHi = 0;
            foreach (var v in values)
            {
                if (v is > 0 and < 255)
                {
                    innerLo = Math.Min(innerLo, v);
                    innerHi = Math.Max(innerHi, v);
                }
            }
            if (innerLo <= innerHi)
            {
                for (var l = innerLo; l <= Math.Min(innerHi, innerLo + 3); l++)
                {
                    for (var h = innerHi; h >= Math.Max(l, innerHi - 3); h--)
                    {
                        var error = Error(values, l, h);
                        if (error < best)
                        {
                            (best, a0, a1) = (error, l, h);
                        }
                    }
                }
            }
        }
        Write(values, a0, a1, block);
    }

    private static int Error(ReadOnlySpan<int> values, int a0, int a1)
    {
        Span<int> palette = stackalloc int[8];
        Palette(a0, a1, palette);
        var total = 0;
        foreach (var v in values)
        {
            Nearest(v, palette, out var error);
            total += error;
        }
        return total;
    }

    private static int Nearest(int value, ReadOnlySpan<int> palette, out int error)
    {
        var best = 0;
        error = int.MaxValue;
        for (var e = 0; e < 8; e++)
        {
            var d = (value - palette[e]) * (value - palette[e]);
            if (d < error)
            {
                error = d;
                best = e;
            }
        }
        return best;
    }

    private static void Write(ReadOnlySpan<int> values, int a0, int a1, Span<byte> block)
    {
        Span<int> palette = stackalloc int[8];
        Palette(a0, a1, palette);
        ulong indices = 0;
        for (var i = 0; i < 16; i++)
        {
            indices |= (ulong)Nearest(values[i], palette, out _) << (3 * i);
        }
        block[0] = (byte)a0;
        block[1] = (byte)a1;
        for (var b = 0; b < 6; b++)
        {
            block[2 + b] = (byte)(indices >> (8 * b));
        }
    }
}
