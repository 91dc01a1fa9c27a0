namespace StyleForge.Engine.Textures.Bcn;

/// <summary>How a BC7 mode stores the lowest endpoint bit: not at all, one per endpoint, or one per subset.</summary>
public enum PBit
{
    None,
    Unique,
    Shared,
}

/// <summary>
/// Fits the two endpoints of one BC7 subset: start at the extremes of the principal axis, then alternate between
/// quantising the endpoints, choosing each pixel's best index, and solving least squares for the endpoints those
/// indices want. The best quantised result seen is kept, so more iterations never make it worse.
/// </summary>
public static class EndpointFit
{
    /// <summary>
    /// Fits channels <paramref name="firstChannel"/> .. +<paramref name="channels"/> of the pixels in <paramref name="subset"/>.
    /// Writes the stored endpoint values to <paramref name="stored"/> ([endpoint * 4 + channel]), the p-bits and the
    /// indices of the subset's pixels; returns the squared error over those pixels and channels.
    /// </summary>
    public static long Fit(ReadOnlySpan<int> pixels, ReadOnlySpan<byte> subsetOf, int subset, int firstChannel, int channels,
        int colourBits, int alphaBits, PBit pbit, int indexBits, int iterations, Span<int> stored, Span<int> pbits, Span<int> indices)
    {
        Span<int> members = stackalloc int[16];
        Span<float> points = stackalloc float[64];
        var count = 0;
        for (var i = 0; i < 16; i++)
        {
            if (subsetOf[i] == subset)
            {
                for (var c = 0; c < channels; c++)
                {
                    points[count * channels + c] = pixels[i * 4 + firstChannel + c];
                }
                members[count++] = i;
            }
        }
        members = members[..count];
        Span<float> mean = stackalloc float[4];
        Span<float> axis = stackalloc float[4];
        ColourAxis.Principal(points[..(count * channels)], channels, mean, axis, iterations: 4);
        float lo = float.MaxValue, hi = float.MinValue;
        for (var k = 0; k < count; k++)
        {
            var t = 0f;
            for (var c = 0; c < channels; c++)
            {
                t += (points[k * channels + c] - mean[c]) * axis[c];
            }
            lo = MathF.Min(lo, t);
            hi = MathF.Max(hi, t);
        }
        Span<float> ends = stackalloc float[8];
        for (var c = 0; c < channels; c++)
        {
            ends[c] = mean[c] + axis[c] * lo;
            ends[4 + c] = mean[c] + axis[c] * hi;
        }
        Span<int> bits = stackalloc int[4];
        Span<bool> isAlpha = stackalloc bool[4];
        for (var c = 0; c < channels; c++)
        {
            bits[c] = firstChannel + c < 3 ? colourBits : alphaBits;
            isAlpha[c] = firstChannel + c == 3;
        }
        var weights = Bc7Tables.Weights(indexBits);
        Span<int> levels = stackalloc int[8];
        Span<int> values = stackalloc int[8];
        Span<int> p = stackalloc int[2];
        Span<int> trial = stackalloc int[16];
        var best = long.MaxValue;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Quantize(ends, channels, bits, isAlpha, pbit, levels, values, p);
            var error = Assign(pixels, members, firstChannel, channels, values, weights, trial);
            if (error < best)
            {
                best = error;
                for (var c = 0; c < channels; c++)
                {
                    stored[firstChannel + c] = levels[c];
                    stored[4 + firstChannel + c] = levels[4 + c];
                }
                if (pbit != PBit.None)
                {
                    pbits[0] = p[0];
                    pbits[1] = p[1];
                }
                foreach (var i in members)
                {
                    indices[i] = trial[i];
                }
            }
            if (error == 0 || !LeastSquares(pixels, members, firstChannel, channels, weights, trial, ends))
            {
                break;
            }
        }
        return best;
    }

    /// <summary>Rounds both endpoints to the mode's precision, choosing the p-bits that land nearest.</summary>
    private static void Quantize(ReadOnlySpan<float> ends, int channels, ReadOnlySpan<int> bits, ReadOnlySpan<bool> isAlpha, PBit pbit, Span<int> levels, Span<int> values, Span<int> p)
    {
        if (pbit == PBit.None)
        {
            for (var e = 0; e < 2; e++)
            {
                for (var c = 0; c < channels; c++)
                {
                    QuantizeChannel(ends[e * 4 + c], bits[c], -1, out levels[e * 4 + c], out values[e * 4 + c], out _);
                }
            }
            p[0] = p[1] = 0;
            return;
        }
        Span<float> distance = stackalloc float[4];
        for (var e = 0; e < 2; e++)
        {
            for (var bit = 0; bit < 2; bit++)
            {
                distance[e * 2 + bit] = 0;
                for (var c = 0; c < channels; c++)
                {
                    QuantizeChannel(ends[e * 4 + c], bits[c], bit, out _, out var expanded, out var d);
                    // Opaque stays exactly opaque: with 7-bit alpha only p-bit 1 reaches 255, and 254 would make an opaque texture translucent.
                    distance[e * 2 + bit] += isAlpha[c] && ends[e * 4 + c] >= 254.5f && expanded != 255 ? float.MaxValue / 8 : d;
                }
            }
        }
        if (pbit == PBit.Unique)
        {
            p[0] = distance[1] < distance[0] ? 1 : 0;
            p[1] = distance[3] < distance[2] ? 1 : 0;
        }
        else
        {
            p[0] = p[1] = distance[1] + distance[3] < distance[0] + distance[2] ? 1 : 0;
        }
        for (var e = 0; e < 2; e++)
        {
            for (var c = 0; c < channels; c++)
            {
                QuantizeChannel(ends[e * 4 + c], bits[c], p[e], out levels[e * 4 + c], out values[e * 4 + c], out _);
            }
        }
    }

    /// <summary>The stored level of <paramref name="bits"/> bits (plus p-bit <paramref name="pbit"/> unless -1) whose expanded value is nearest.</summary>
    private static void QuantizeChannel(float value, int bits, int pbit, out int level, out int expanded, out float distance)
    {
        var v = Math.Clamp(value, 0f, 255f);
        var top = (1 << bits) - 1;
        var width = pbit < 0 ? bits : bits + 1;
        var guess = (int)MathF.Round(v * ((1 << width) - 1) / 255f);
        if (pbit >= 0)
        {
            guess = (guess - pbit) / 2;
        }
        level = 0;
        expanded = 0;
        distance = float.MaxValue;
        for (var candidate = Math.Max(0, guess - 1); candidate <= Math.Min(top, guess + 1); candidate++)
        {
            var e = Bc7Block.Expand(pbit < 0 ? candidate : (candidate << 1) | pbit, width);
            var d = (e - v) * (e - v);
            if (d < distance)
            {
                (distance, level, expanded) = (d, candidate, e);
            }
        }
    }

    /// <summary>Each member's nearest palette entry; returns the summed squared error.</summary>
    private static long Assign(ReadOnlySpan<int> pixels, ReadOnlySpan<int> members, int firstChannel, int channels, ReadOnlySpan<int> values,
        ReadOnlySpan<byte> weights, Span<int> indices)
    {
        Span<int> palette = stackalloc int[64];
        var entries = weights.Length;
        for (var k = 0; k < entries; k++)
        {
            for (var c = 0; c < channels; c++)
            {
                palette[k * 4 + c] = Bc7Block.Interpolate(values[c], values[4 + c], weights[k]);
            }
        }
        long total = 0;
        foreach (var i in members)
        {
            var best = int.MaxValue;
            var bestIndex = 0;
            for (var k = 0; k < entries; k++)
            {
                var d = 0;
                for (var c = 0; c < channels; c++)
                {
                    var delta = pixels[i * 4 + firstChannel + c] - palette[k * 4 + c];
                    d += delta * delta;
                }
                if (d < best)
                {
                    best = d;
                    bestIndex = k;
                }
            }
            indices[i] = bestIndex;
            total += best;
        }
        return total;
    }

    /// <summary>The endpoints that minimise the squared error for the given indices; false when all indices are equal.</summary>
    private static bool LeastSquares(ReadOnlySpan<int> pixels, ReadOnlySpan<int> members, int firstChannel, int channels, ReadOnlySpan<byte> weights,
        ReadOnlySpan<int> indices, Span<float> ends)
    {
        float aa = 0, bb = 0, ab = 0;
        Span<float> ax = stackalloc float[4];
        Span<float> bx = stackalloc float[4];
        foreach (var i in members)
        {
            var t = weights[indices[i]] / 64f;
            var s = 1 - t;
            aa += s * s;
            bb += t * t;
            ab += s * t;
            for (var c = 0; c < channels; c++)
            {
                var x = pixels[i * 4 + firstChannel + c];
                ax[c] += s * x;
                bx[c] += t * x;
            }
        }
        var det = aa * bb - ab * ab;
        if (det < 1e-6f)
        {
            return false;
        }
        for (var c = 0; c < channels; c++)
        {
            ends[c] = (ax[c] * bb - bx[c] * ab) / det;
            ends[4 + c] = (bx[c] * aa - ax[c] * ab) / det;
        }
        return true;
    }
}
