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
}
