namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>
/// Resizes an RGB texture with a separable cubic filter (Keys, a = -0.5), widened by the shrink factor when shrinking
/// so that every source pixel contributes (the filtering PIL's and torch's antialiased bicubic do, and the one training
/// uses to bring textures to load_size). Edges are clamped, or wrapped for a seamless texture, so a tiling texture
/// stays tiling.
/// </summary>
internal static class TextureResample
{
    /// <summary>
    /// Runs <paramref name="translate"/> on <paramref name="rgb"/> shrunk by <paramref name="scale"/> (each side rounded, at
    /// least 1 px) and brings its result back to <paramref name="rgb"/>'s size: with <paramref name="rgb"/> itself as the
    /// guide (<see cref="GuidedUpsampling"/>) when <paramref name="guided"/>, else by a plain resize. That is a model's
    /// working scale. At scale 1 it runs on <paramref name="rgb"/> as it is.
    /// </summary>
    public static TextureBuffer AtScale(TextureBuffer rgb, double scale, bool wrap, bool guided, Func<TextureBuffer, TextureBuffer> translate)
    {
        if (scale == 1)
        {
            return translate(rgb);
        }
        var width = Math.Max(1, (int)Math.Round(rgb.Width * scale));
        var height = Math.Max(1, (int)Math.Round(rgb.Height * scale));
        var shrunk = Bicubic(rgb, width, height, wrap);
        var result = translate(shrunk);
        return guided ? GuidedUpsampling.Apply(rgb, shrunk, result, wrap) : Bicubic(result, rgb.Width, rgb.Height, wrap);
    }

    /// <summary>Returns a <paramref name="width"/> x <paramref name="height"/> RGB copy of <paramref name="source"/>, in [0, 1].</summary>
    public static TextureBuffer Bicubic(TextureBuffer source, int width, int height, bool wrap) => Resize(source, width, height, wrap, clampToUnit: true);

    /// <summary>
    /// <see cref="Bicubic"/> for any values: with <paramref name="clampToUnit"/> false the cubic's overshoot is kept, as
    /// coefficient maps (gains above 1, negative offsets) need.
    /// </summary>
    public static TextureBuffer Resize(TextureBuffer source, int width, int height, bool wrap, bool clampToUnit)
    {
        if (source.Channels != 3)
        {
            throw new ArgumentException($"Expected an RGB texture, got {source.Channels} channels.", nameof(source));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var columns = Taps.For(source.Width, width, wrap);
        var rows = Taps.For(source.Height, height, wrap);

        // Rows first: each source row is filtered horizontally into a width-wide row, then columns are filtered.
        var horizontal = new float[source.Height * width * 3];
        for (var y = 0; y < source.Height; y++)
        {
            var sourceRow = y * source.Width * 3;
            var targetRow = y * width * 3;
            for (var x = 0; x < width; x++)
            {
                double r = 0, g = 0, b = 0;
                for (var k = columns.Start[x]; k < columns.Start[x + 1]; k++)
                {
                    var at = sourceRow + (columns.Index[k] * 3);
                    var w = columns.Weight[k];
                    r += w * source.Pixels[at];
                    g += w * source.Pixels[at + 1];
                    b += w * source.Pixels[at + 2];
                }
                horizontal[targetRow + (x * 3)] = (float)r;
                horizontal[targetRow + (x * 3) + 1] = (float)g;
                horizontal[targetRow + (x * 3) + 2] = (float)b;
            }
        }
        var target = new TextureBuffer(width, height, 3);
        var rowValues = width * 3;
        var sums = new double[rowValues];
        for (var y = 0; y < height; y++)
        {
            Array.Clear(sums);
            for (var k = rows.Start[y]; k < rows.Start[y + 1]; k++)
            {
                var from = rows.Index[k] * rowValues;
                var w = rows.Weight[k];
                for (var i = 0; i < rowValues; i++)
                {
                    sums[i] += w * horizontal[from + i];
                }
            }
            var to = y * rowValues;
            for (var i = 0; i < rowValues; i++)
            {
                // The cubic's lobes overshoot at hard edges; the texture range is [0, 1].
                target.Pixels[to + i] = clampToUnit ? Math.Clamp((float)sums[i], 0f, 1f) : (float)sums[i];
            }
        }
        return target;
    }

    /// <summary>The cubic convolution kernel with a = -0.5 (Keys 1981): interpolating, support [-2, 2].</summary>
    internal static double Cubic(double x)
    {
        const double a = -0.5;
        x = Math.Abs(x);
        return x < 1 ? (((a + 2) * x) - (a + 3)) * x * x + 1
            : x < 2 ? (((((x - 5) * x) + 8) * x) - 4) * a
            : 0;
    }

    /// <summary>For each target position along one axis, the source indices it reads and their weights (summing to 1).</summary>
    private sealed class Taps
    {
        public required int[] Start { get; init; }
        public required int[] Index { get; init; }
        public required double[] Weight { get; init; }

        public static Taps For(int sourceLength, int targetLength, bool wrap)
        {
            var scale = (double)targetLength / sourceLength;
            // Shrinking widens the kernel to cover the source pixels a target pixel stands for.
            var stretch = Math.Max(1.0, 1.0 / scale);
            var support = 2.0 * stretch;
            var start = new int[targetLength + 1];
            var index = new List<int>();
            var weight = new List<double>();
            for (var t = 0; t < targetLength; t++)
            {
                start[t] = index.Count;
                // Pixel centres: target pixel t covers source coordinates around (t + 0.5) / scale.
                var centre = ((t + 0.5) / scale) - 0.5;
                var first = (int)Math.Floor(centre - support) + 1;
                var last = (int)Math.Ceiling(centre + support) - 1;
                var total = 0.0;
                var from = index.Count;
                for (var s = first; s <= last; s++)
                {
                    var w = Cubic((s - centre) / stretch);
                    if (w == 0)
                    {
                        continue;
                    }
                    index.Add(wrap ? ((s % sourceLength) + sourceLength) % sourceLength : Math.Clamp(s, 0, sourceLength - 1));
                    weight.Add(w);
                    total += w;
                }
                for (var k = from; k < weight.Count; k++)
                {
                    weight[k] /= total;
                }
            }
            start[targetLength] = index.Count;
            return new Taps { Start = start, Index = [.. index], Weight = [.. weight] };
        }
    }
}
