namespace StyleForge.Engine.Textures.Bcn;

/// <summary>
/// Encodes BC7 blocks. Fast mode uses mode 6 alone (one subset, 7-bit RGBA endpoints with p-bits, 4-bit indices),
/// which handles opaque and translucent blocks. Quality mode also tries the partitioned modes on the partitions whose
/// subsets lie closest to a line (a cheap estimate ranks all 64 first), and the separate-alpha modes 4 and 5 with
/// every channel rotation for translucent blocks; the block with the least squared error wins.
/// </summary>
public static class Bc7Encoder
{
    public static void Encode(ReadOnlySpan<byte> pixels, Span<byte> block, BcQuality quality)
    {
        Span<int> source = stackalloc int[64];
        var opaque = true;
        for (var i = 0; i < 64; i++)
        {
            source[i] = pixels[i];
            opaque &= i % 4 != 3 || pixels[i] == 255;
        }
        var best = new Bc7Bits();
        var bestError = long.MaxValue;
        var iterations = quality == BcQuality.Fast ? 2 : 3;
        Try(6, 0, 0, 0, source, iterations, ref best, ref bestError);
        if (quality == BcQuality.Quality && bestError > 0)
        {
            Span<float> two = stackalloc float[64];
            Span<int> ranked = stackalloc int[3];
            ScorePartitions(source, 2, two);
            if (opaque)
            {
                // Measured on the bench textures: mode 1 (3-bit indices) wins most partitioned blocks, mode 3 (7-bit
                // endpoints) the smooth ones, and the three-subset modes a few with three distinct colours.
                Best(two, ranked);
                foreach (var partition in ranked)
                {
                    Try(1, partition, 0, 0, source, iterations, ref best, ref bestError);
                }
                Try(3, ranked[0], 0, 0, source, iterations, ref best, ref bestError);
                Try(3, ranked[1], 0, 0, source, iterations, ref best, ref bestError);
                Span<float> three = stackalloc float[64];
                ScorePartitions(source, 3, three);
                Best(three, ranked[..1]);
                Try(2, ranked[0], 0, 0, source, iterations, ref best, ref bestError);
                Best(three[..16], ranked[..1]);
                Try(0, ranked[0], 0, 0, source, iterations, ref best, ref bestError);
            }
            else
            {
                for (var rotation = 0; rotation < 4; rotation++)
                {
                    Try(5, 0, rotation, 0, source, iterations, ref best, ref bestError);
                    Try(4, 0, rotation, 0, source, iterations, ref best, ref bestError);
                    Try(4, 0, rotation, 1, source, iterations, ref best, ref bestError);
                }
                Best(two, ranked);
                foreach (var partition in ranked)
                {
                    Try(7, partition, 0, 0, source, iterations, ref best, ref bestError);
                }
            }
        }
        best.CopyTo(block);
    }

    private static void Try(int mode, int partition, int rotation, int selector, ReadOnlySpan<int> source, int iterations, ref Bc7Bits best, ref long bestError)
    {
        var error = EncodeMode(mode, partition, rotation, selector, source, iterations, bestError, out var bits);
        if (error < bestError)
        {
            bestError = error;
            best = bits;
        }
    }

    /// <summary>Encodes the block in one mode and partition; returns its squared RGBA error (or more than <paramref name="bound"/> when it gave up).</summary>
    private static long EncodeMode(int modeNumber, int partition, int rotation, int selector, ReadOnlySpan<int> source, int iterations, long bound, out Bc7Bits bits)
    {
        bits = default;
        var mode = Bc7Tables.Modes[modeNumber];
        Span<int> pixels = stackalloc int[64];
        source.CopyTo(pixels);
        if (rotation > 0)
        {
            for (var i = 0; i < 16; i++)
            {
                (pixels[i * 4 + rotation - 1], pixels[i * 4 + 3]) = (pixels[i * 4 + 3], pixels[i * 4 + rotation - 1]);
            }
        }
        var subsetOf = Bc7Tables.Subset[mode.Subsets - 1].AsSpan(partition * 16, 16);
        var separateAlpha = mode.SecondaryIndexBits > 0;
        var colourIndexBits = separateAlpha && selector == 1 ? mode.SecondaryIndexBits : mode.IndexBits;
        var alphaIndexBits = separateAlpha && selector == 1 ? mode.IndexBits : mode.SecondaryIndexBits;
        var pbit = mode.EndpointPBits ? PBit.Unique : mode.SharedPBits ? PBit.Shared : PBit.None;
        // stored[(subset * 2 + endpoint) * 4 + channel], as written to the block (without p-bits).
        Span<int> stored = stackalloc int[24];
        Span<int> pbits = stackalloc int[6];
        Span<int> colourIndices = stackalloc int[16];
        Span<int> alphaIndices = stackalloc int[16];
        long error = 0;
        var channels = separateAlpha ? 3 : mode.AlphaBits > 0 ? 4 : 3;
        for (var s = 0; s < mode.Subsets; s++)
        {
            error += EndpointFit.Fit(pixels, subsetOf, s, 0, channels, mode.ColourBits, mode.AlphaBits, pbit, colourIndexBits, iterations,
                stored.Slice(s * 8, 8), pbits.Slice(s * 2, 2), colourIndices);
            if (error > bound)
            {
                return error;
            }
        }
        if (separateAlpha)
        {
            error += EndpointFit.Fit(pixels, subsetOf, 0, 3, 1, mode.AlphaBits, mode.AlphaBits, PBit.None, alphaIndexBits, iterations,
                stored[..8], pbits[..2], alphaIndices);
        }
        else if (mode.AlphaBits == 0)
        {
            for (var i = 0; i < 16; i++)
            {
                error += (255 - pixels[i * 4 + 3]) * (255 - pixels[i * 4 + 3]);
            }
        }
        if (error >= bound)
        {
            return error;
        }
        // The anchor pixel's index is stored without its top bit, so that bit must be 0: swap the endpoints where it is not.
        for (var s = 0; s < mode.Subsets; s++)
        {
            var anchor = Bc7Tables.Anchor(mode.Subsets, partition, s);
            if (colourIndices[anchor] >= 1 << (colourIndexBits - 1))
            {
                SwapEndpoints(stored, pbits, s, 0, separateAlpha ? 3 : 4);
                Invert(colourIndices, subsetOf, s, colourIndexBits);
            }
        }
        if (separateAlpha && alphaIndices[0] >= 1 << (alphaIndexBits - 1))
        {
            SwapEndpoints(stored, pbits, 0, 3, 4);
            Invert(alphaIndices, subsetOf, 0, alphaIndexBits);
        }
        bits.Write(1 << modeNumber, modeNumber + 1);
        bits.Write(partition, mode.PartitionBits);
        bits.Write(rotation, mode.RotationBits);
        bits.Write(selector, mode.SelectorBits);
        var endpoints = mode.Subsets * 2;
        for (var c = 0; c < 3; c++)
        {
            for (var e = 0; e < endpoints; e++)
            {
                bits.Write(stored[e * 4 + c], mode.ColourBits);
            }
        }
        for (var e = 0; e < endpoints && mode.AlphaBits > 0; e++)
        {
            bits.Write(stored[e * 4 + 3], mode.AlphaBits);
        }
        if (pbit == PBit.Unique)
        {
            for (var e = 0; e < endpoints; e++)
            {
                bits.Write(pbits[e], 1);
            }
        }
        else if (pbit == PBit.Shared)
        {
            for (var s = 0; s < mode.Subsets; s++)
            {
                bits.Write(pbits[2 * s], 1);
            }
        }
        var primary = separateAlpha && selector == 1 ? alphaIndices : colourIndices;
        var secondary = separateAlpha && selector == 1 ? colourIndices : alphaIndices;
        for (var i = 0; i < 16; i++)
        {
            var anchor = i == Bc7Tables.Anchor(mode.Subsets, partition, subsetOf[i]);
            bits.Write(primary[i], mode.IndexBits - (anchor ? 1 : 0));
        }
        if (separateAlpha)
        {
            for (var i = 0; i < 16; i++)
            {
                bits.Write(secondary[i], mode.SecondaryIndexBits - (i == 0 ? 1 : 0));
            }
        }
        return error;
    }

    private static void SwapEndpoints(Span<int> stored, Span<int> pbits, int subset, int fromChannel, int toChannel)
    {
        for (var c = fromChannel; c < toChannel; c++)
        {
            (stored[subset * 8 + c], stored[subset * 8 + 4 + c]) = (stored[subset * 8 + 4 + c], stored[subset * 8 + c]);
        }
        (pbits[subset * 2], pbits[subset * 2 + 1]) = (pbits[subset * 2 + 1], pbits[subset * 2]);
    }

    private static void Invert(Span<int> indices, ReadOnlySpan<byte> subsetOf, int subset, int indexBits)
    {
        var top = (1 << indexBits) - 1;
        for (var i = 0; i < 16; i++)
        {
            if (subsetOf[i] == subset)
            {
                indices[i] = top - indices[i];
            }
        }
    }

    /// <summary>
    /// Scores every partition by how far its subsets' pixels lie from each subset's principal line (the variance the
    /// line cannot express): the error an endpoint fit cannot avoid, so a cheap estimate for ranking partitions.
    /// </summary>
    private static void ScorePartitions(ReadOnlySpan<int> pixels, int subsets, Span<float> scores)
    {
        Span<float> points = stackalloc float[48];
        Span<float> mean = stackalloc float[3];
        Span<float> axis = stackalloc float[3];
        for (var p = 0; p < 64; p++)
        {
            var table = Bc7Tables.Subset[subsets - 1].AsSpan(p * 16, 16);
            var score = 0f;
            for (var s = 0; s < subsets; s++)
            {
                var count = 0;
                for (var i = 0; i < 16; i++)
                {
                    if (table[i] == s)
                    {
                        points[count * 3] = pixels[i * 4];
                        points[count * 3 + 1] = pixels[i * 4 + 1];
                        points[count * 3 + 2] = pixels[i * 4 + 2];
                        count++;
                    }
                }
                ColourAxis.Principal(points[..(count * 3)], 3, mean, axis, iterations: 3);
                for (var k = 0; k < count; k++)
                {
                    float d0 = points[k * 3] - mean[0], d1 = points[k * 3 + 1] - mean[1], d2 = points[k * 3 + 2] - mean[2];
                    var along = d0 * axis[0] + d1 * axis[1] + d2 * axis[2];
                    score += d0 * d0 + d1 * d1 + d2 * d2 - along * along;
                }
            }
            scores[p] = score;
        }
    }

    /// <summary>The partitions with the lowest scores, best first.</summary>
    private static void Best(ReadOnlySpan<float> scores, Span<int> ranked)
    {
        Span<float> kept = stackalloc float[ranked.Length];
        kept.Fill(float.MaxValue);
        ranked.Clear();
        for (var p = 0; p < scores.Length; p++)
        {
            for (var k = 0; k < kept.Length; k++)
            {
                if (scores[p] < kept[k])
                {
                    for (var m = kept.Length - 1; m > k; m--)
                    {
                        kept[m] = kept[m - 1];
                        ranked[m] = ranked[m - 1];
                    }
                    kept[k] = scores[p];
                    ranked[k] = p;
                    break;
                }
            }
        }
    }
}
