namespace StyleForge.Engine.Textures.Bcn;

/// <summary>The mean and principal axis of a set of colours: the line block endpoints are fitted along.</summary>
public static class ColourAxis
{
    /// <summary>
    /// Writes the mean and the unit principal axis of <paramref name="points"/> (<paramref name="channels"/> values
    /// each) by power iteration on the covariance. A flat set gets the gray diagonal.
    /// </summary>
    public static void Principal(ReadOnlySpan<float> points, int channels, Span<float> mean, Span<float> axis, int iterations)
    {
        var count = points.Length / channels;
        mean[..channels].Clear();
        for (var p = 0; p < points.Length; p += channels)
        {
            for (var c = 0; c < channels; c++)
            {
                mean[c] += points[p + c];
            }
        }
        for (var c = 0; c < channels; c++)
        {
            mean[c] /= count;
        }
        Span<float> covariance = stackalloc float[16];
        for (var p = 0; p < points.Length; p += channels)
        {
            for (var r = 0; r < channels; r++)
            {
                var dr = points[p + r] - mean[r];
                for (var c = r; c < channels; c++)
                {
                    covariance[r * 4 + c] += dr * (points[p + c] - mean[c]);
                }
            }
        }
        for (var r = 0; r < channels; r++)
        {
            for (var c = 0; c < r; c++)
            {
                covariance[r * 4 + c] = covariance[c * 4 + r];
            }
        }
        // Start from the largest-variance channel's row: never orthogonal to the principal axis unless the set is flat.
        var start = 0;
        for (var c = 1; c < channels; c++)
        {
            if (covariance[c * 5] > covariance[start * 5])
            {
                start = c;
            }
        }
        Span<float> v = stackalloc float[4];
        Span<float> next = stackalloc float[4];
        for (var c = 0; c < channels; c++)
        {
            v[c] = covariance[start * 4 + c];
        }
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var norm = 0f;
            for (var r = 0; r < channels; r++)
            {
                var sum = 0f;
                for (var c = 0; c < channels; c++)
                {
                    sum += covariance[r * 4 + c] * v[c];
                }
                next[r] = sum;
                norm = MathF.Max(norm, MathF.Abs(sum));
            }
            if (norm < 1e-12f)
            {
                break;
            }
            for (var c = 0; c < channels; c++)
            {
                v[c] = next[c] / norm;
            }
        }
        var length = 0f;
        for (var c = 0; c < channels; c++)
        {
            length += v[c] * v[c];
        }
        length = MathF.Sqrt(length);
        for (var c = 0; c < channels; c++)
        {
            axis[c] = length > 1e-12f ? v[c] / length : 1f / MathF.Sqrt(channels);
        }
    }

    /// <summary>
    /// <see cref="Principal"/> for RGB points with 4 iterations, in scalars: the same operations in the same order, so
    /// the same floats, without the span and loop overhead that made it a fifth of BC1 fast encoding.
    /// </summary>
    public static void PrincipalRgb(ReadOnlySpan<float> points, out float mean0, out float mean1, out float mean2,
        out float axis0, out float axis1, out float axis2)
    {
        var count = points.Length / 3;
        mean0 = mean1 = mean2 = 0;
        for (var p = 0; p + 2 < points.Length; p += 3)
        {
            mean0 += points[p];
            mean1 += points[p + 1];
            mean2 += points[p + 2];
        }
        mean0 /= count;
        mean1 /= count;
        mean2 /= count;
        float c00 = 0, c01 = 0, c02 = 0, c11 = 0, c12 = 0, c22 = 0;
        for (var p = 0; p + 2 < points.Length; p += 3)
        {
            float d0 = points[p] - mean0, d1 = points[p + 1] - mean1, d2 = points[p + 2] - mean2;
            c00 += d0 * d0;
            c01 += d0 * d1;
            c02 += d0 * d2;
            c11 += d1 * d1;
            c12 += d1 * d2;
            c22 += d2 * d2;
        }
        float v0, v1, v2;
        if (c11 > c00 && c22 <= c11)
        {
            (v0, v1, v2) = (c01, c11, c12);
        }
        else if (c22 > (c11 > c00 ? c11 : c00))
        {
            (v0, v1, v2) = (c02, c12, c22);
        }
        else
        {
            (v0, v1, v2) = (c00, c01, c02);
        }
        for (var iteration = 0; iteration < 4; iteration++)
        {
            var n0 = 0f + c00 * v0 + c01 * v1 + c02 * v2;
            var n1 = 0f + c01 * v0 + c11 * v1 + c12 * v2;
            var n2 = 0f + c02 * v0 + c12 * v1 + c22 * v2;
            var norm = MathF.Max(MathF.Max(MathF.Max(0f, MathF.Abs(n0)), MathF.Abs(n1)), MathF.Abs(n2));
            if (norm < 1e-12f)
            {
                break;
            }
            (v0, v1, v2) = (n0 / norm, n1 / norm, n2 / norm);
        }
        var length = MathF.Sqrt(0f + v0 * v0 + v1 * v1 + v2 * v2);
        var flat = 1f / MathF.Sqrt(3);
        axis0 = length > 1e-12f ? v0 / length : flat;
        axis1 = length > 1e-12f ? v1 / length : flat;
        axis2 = length > 1e-12f ? v2 / length : flat;
    }
}
