using System.Buffers.Binary;

namespace StyleForge.Engine.Textures.Bcn;

/// <summary>
/// The BC1 colour block (also the colour half of BC2 and BC3): two RGB 5:6:5 endpoints and a 2-bit index per
/// pixel. With the first endpoint greater the palette has four colours; otherwise three and a transparent black,
/// which is how BC1 stores a 1-bit alpha cut-out.
/// </summary>
public static class Bc1Block
{
    /// <summary>Alpha below this is a cut-out pixel in BC1 (the midpoint, as DirectXTex and nvtt threshold it).</summary>
    private const int CutoutThreshold = 128;

    public static void Decode(ReadOnlySpan<byte> block, Span<byte> pixels, bool alwaysFourColours)
    {
        int c0 = BinaryPrimitives.ReadUInt16LittleEndian(block);
        int c1 = BinaryPrimitives.ReadUInt16LittleEndian(block[2..]);
        Span<int> palette = stackalloc int[16];
        Palette(c0, c1, alwaysFourColours || c0 > c1, palette);
        var indices = BinaryPrimitives.ReadUInt32LittleEndian(block[4..]);
        for (var i = 0; i < 16; i++)
        {
            var entry = (int)((indices >> (2 * i)) & 3) * 4;
            pixels[i * 4] = (byte)palette[entry];
            pixels[i * 4 + 1] = (byte)palette[entry + 1];
            pixels[i * 4 + 2] = (byte)palette[entry + 2];
            pixels[i * 4 + 3] = (byte)palette[entry + 3];
        }
    }

    /// <summary>
    /// Encodes 16 RGBA pixels. With <paramref name="alphaCutout"/> (BC1) a block with any pixel below half alpha
    /// uses the three-colour palette and marks those pixels transparent; without it (BC2/BC3 colour) alpha is ignored.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> pixels, Span<byte> block, BcQuality quality, bool alphaCutout)
    {
        Span<float> colours = stackalloc float[48];
        Span<bool> cut = stackalloc bool[16];
        var count = 0;
        for (var i = 0; i < 16; i++)
        {
            cut[i] = alphaCutout && pixels[i * 4 + 3] < CutoutThreshold;
            if (!cut[i])
            {
                colours[count * 3] = pixels[i * 4];
                colours[count * 3 + 1] = pixels[i * 4 + 1];
                colours[count * 3 + 2] = pixels[i * 4 + 2];
                count++;
            }
        }
        var anyCut = count < 16;
        int c0 = 0, c1 = 0;
        var four = !anyCut;
        if (count > 0)
        {
            if (quality == BcQuality.Quality)
            {
                FitQuality(colours[..(count * 3)], pixels, cut, anyCut, alphaCutout, out c0, out c1, out four);
            }
            else
            {
                var indices = FitFast(colours[..(count * 3)], pixels, cut, four, out c0, out c1);
                // The fit's indices are the ones Write would find when the endpoints need no swap and their order
                // gives the palette the fit assumed; writing them saves a fourth pass over the pixels.
                if (four ? c0 > c1 : c0 <= c1)
                {
                    WriteBlock(block, c0, c1, indices);
                    return;
                }
            }
        }
        Write(pixels, cut, c0, c1, four, block);
    }

    private static void Write(ReadOnlySpan<byte> pixels, ReadOnlySpan<bool> cut, int c0, int c1, bool four, Span<byte> block)
    {
        // Four colours need c0 > c1 and three need c0 <= c1; swapping the endpoints keeps the palette, only reordered.
        if (four ? c0 < c1 : c0 > c1)
        {
            (c0, c1) = (c1, c0);
        }
        var fourColours = c0 > c1;
        Span<int> palette = stackalloc int[16];
        Palette(c0, c1, fourColours, palette);
        uint indices = 0;
        for (var i = 0; i < 16; i++)
        {
            var index = cut[i] ? 3 : Nearest(pixels, i, palette, fourColours ? 4 : 3, out _);
            indices |= (uint)index << (2 * i);
        }
        WriteBlock(block, c0, c1, indices);
    }

    private static void WriteBlock(Span<byte> block, int c0, int c1, uint indices)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(block, (ushort)c0);
        BinaryPrimitives.WriteUInt16LittleEndian(block[2..], (ushort)c1);
        BinaryPrimitives.WriteUInt32LittleEndian(block[4..], indices);
    }

    private static void Palette(int c0, int c1, bool four, Span<int> palette)
    {
        Expand(c0, palette);
        Expand(c1, palette[4..]);
        for (var c = 0; c < 3; c++)
        {
            if (four)
            {
                palette[8 + c] = (2 * palette[c] + palette[4 + c]) / 3;
                palette[12 + c] = (palette[c] + 2 * palette[4 + c]) / 3;
            }
            else
            {
                palette[8 + c] = (palette[c] + palette[4 + c]) / 2;
                palette[12 + c] = 0;
            }
        }
        palette[3] = palette[7] = palette[11] = 255;
        palette[15] = four ? 255 : 0;
    }

    private static void Expand(int packed, Span<int> rgb)
    {
        var r = (packed >> 11) & 31;
        var g = (packed >> 5) & 63;
        var b = packed & 31;
        rgb[0] = (r << 3) | (r >> 2);
        rgb[1] = (g << 2) | (g >> 4);
        rgb[2] = (b << 3) | (b >> 2);
        rgb[3] = 255;
    }

    private static int Pack(float r, float g, float b) =>
        (Quantize(r, 31) << 11) | (Quantize(g, 63) << 5) | Quantize(b, 31);

    private static int Quantize(float value, int levels) => (int)Math.Clamp(MathF.Round(value * levels / 255f), 0, levels);

    private static int Nearest(ReadOnlySpan<byte> pixels, int i, ReadOnlySpan<int> palette, int entries, out int error)
    {
        int r = pixels[i * 4], g = pixels[i * 4 + 1], b = pixels[i * 4 + 2];
        var best = 0;
        error = int.MaxValue;
        for (var e = 0; e < entries; e++)
        {
            int dr = r - palette[e * 4], dg = g - palette[e * 4 + 1], db = b - palette[e * 4 + 2];
            var d = dr * dr + dg * dg + db * db;
            if (d < error)
            {
                error = d;
                best = e;
            }
        }
        return best;
    }

    /// <summary>Squared RGB error of the block with these endpoints (cut-out pixels excluded).</summary>
    private static int Error(ReadOnlySpan<byte> pixels, ReadOnlySpan<bool> cut, int c0, int c1, bool four) =>
        Assign(pixels, cut, c0, c1, four, out _);

    /// <summary>
    /// Endpoints at the extremes of the principal axis, then one least-squares pass on the resulting indices. Returns
    /// the packed 2-bit indices of the chosen endpoints (3 for cut-out pixels), in the palette order
    /// <see cref="Palette"/> gives them with <paramref name="four"/>.
    /// </summary>
    /// <remarks>
    /// The speed target (20 MP/s) is met by doing each pass once: one nearest-colour pass gives both the error and the
    /// least-squares indices of the axis endpoints, one more scores the refined endpoints, and the winner's indices are
    /// written as they are. Ties and rounding are those of the earlier four-pass version (and the axis those of
    /// <see cref="ColourAxis.Principal"/> with 4 iterations), so the blocks are bit for bit the same.
    /// </remarks>
    private static uint FitFast(ReadOnlySpan<float> colours, ReadOnlySpan<byte> pixels, ReadOnlySpan<bool> cut, bool four, out int c0, out int c1)
    {
        ColourAxis.PrincipalRgb(colours, out var mean0, out var mean1, out var mean2, out var axis0, out var axis1, out var axis2);
        float lo = float.MaxValue, hi = float.MinValue;
        for (var p = 0; p < colours.Length; p += 3)
        {
            var t = (colours[p] - mean0) * axis0 + (colours[p + 1] - mean1) * axis1 + (colours[p + 2] - mean2) * axis2;
            lo = MathF.Min(lo, t);
            hi = MathF.Max(hi, t);
        }
        c0 = Pack(mean0 + axis0 * hi, mean1 + axis1 * hi, mean2 + axis2 * hi);
        c1 = Pack(mean0 + axis0 * lo, mean1 + axis1 * lo, mean2 + axis2 * lo);
        var error = Assign(pixels, cut, c0, c1, four, out var indices);
        if (LeastSquares(pixels, cut, indices, four, out var r0, out var r1))
        {
            var refined = Assign(pixels, cut, r0, r1, four, out var refinedIndices);
            if (refined < error)
            {
                (c0, c1, indices) = (r0, r1, refinedIndices);
            }
        }
        return indices;
    }

    /// <summary>
    /// Nearest palette entry of every pixel for these endpoints, as <see cref="Nearest"/> picks it (the first of equal
    /// distances), packed 2 bits a pixel; returns the squared RGB error of the non-cut pixels, as <see cref="Error"/> does.
    /// </summary>
    private static int Assign(ReadOnlySpan<byte> pixels, ReadOnlySpan<bool> cut, int c0, int c1, bool four, out uint indices)
    {
        Span<int> palette = stackalloc int[16];
        Palette(c0, c1, four, palette);
        int r0 = palette[0], g0 = palette[1], b0 = palette[2];
        int r1 = palette[4], g1 = palette[5], b1 = palette[6];
        int r2 = palette[8], g2 = palette[9], b2 = palette[10];
        int r3 = palette[12], g3 = palette[13], b3 = palette[14];
        var total = 0;
        indices = 0;
        pixels = pixels[..64];
        for (var i = 0; i < 16; i++)
        {
            if (cut[i])
            {
                indices |= 3u << (2 * i);
                continue;
            }
            int r = pixels[i * 4], g = pixels[i * 4 + 1], b = pixels[i * 4 + 2];
            var best = Distance(r - r0, g - g0, b - b0);
            var index = 0u;
            var d = Distance(r - r1, g - g1, b - b1);
            if (d < best)
            {
                (best, index) = (d, 1u);
            }
            d = Distance(r - r2, g - g2, b - b2);
            if (d < best)
            {
                (best, index) = (d, 2u);
            }
            if (four)
            {
                d = Distance(r - r3, g - g3, b - b3);
                if (d < best)
                {
                    (best, index) = (d, 3u);
                }
            }
            total += best;
            indices |= index << (2 * i);
        }
        return total;
    }

    private static int Distance(int dr, int dg, int db) => dr * dr + dg * dg + db * db;

    /// <summary>Given these palette indices (see <see cref="Assign"/>), the endpoints that minimise the squared error.</summary>
    private static bool LeastSquares(ReadOnlySpan<byte> pixels, ReadOnlySpan<bool> cut, uint indices, bool four, out int r0, out int r1)
    {
        float aa = 0, bb = 0, ab = 0;
        float ax0 = 0, ax1 = 0, ax2 = 0, bx0 = 0, bx1 = 0, bx2 = 0;
        for (var i = 0; i < 16; i++)
        {
            if (cut[i])
            {
                continue;
            }
            var index = (indices >> (2 * i)) & 3;
            var t = four ? index switch { 0 => 0f, 1 => 1f, 2 => 1f / 3, _ => 2f / 3 } : index switch { 0 => 0f, 1 => 1f, _ => 0.5f };
            var s = 1 - t;
            aa += s * s;
            bb += t * t;
            ab += s * t;
            ax0 += s * pixels[i * 4];
            bx0 += t * pixels[i * 4];
            ax1 += s * pixels[i * 4 + 1];
            bx1 += t * pixels[i * 4 + 1];
            ax2 += s * pixels[i * 4 + 2];
            bx2 += t * pixels[i * 4 + 2];
        }
        var det = aa * bb - ab * ab;
        if (MathF.Abs(det) < 1e-6f)
        {
            r0 = r1 = 0;
            return false;
        }
        r0 = Pack((ax0 * bb - bx0 * ab) / det, (ax1 * bb - bx1 * ab) / det, (ax2 * bb - bx2 * ab) / det);
        r1 = Pack((bx0 * aa - ax0 * ab) / det, (bx1 * aa - ax1 * ab) / det, (bx2 * aa - ax2 * ab) / det);
        return true;
    }

    /// <summary>
    /// Cluster fit: every ordered split of the pixels along the principal axis into the palette's clusters gets its
    /// least-squares endpoints; the best, on the 5:6:5 grid, is then polished by trying each endpoint channel one step
    /// up or down. Three-colour blocks are tried too where BC1 allows them.
    /// </summary>
    private static void FitQuality(ReadOnlySpan<float> colours, ReadOnlySpan<byte> pixels, ReadOnlySpan<bool> cut, bool anyCut, bool threeAllowed,
        out int c0, out int c1, out bool four)
    {
        var count = colours.Length / 3;
        Span<float> axis = stackalloc float[3];
        Span<float> mean = stackalloc float[3];
        ColourAxis.Principal(colours, 3, mean, axis, iterations: 8);
        Span<float> keys = stackalloc float[16];
        Span<int> order = stackalloc int[16];
        for (var p = 0; p < count; p++)
        {
            keys[p] = (colours[p * 3] - mean[0]) * axis[0] + (colours[p * 3 + 1] - mean[1]) * axis[1] + (colours[p * 3 + 2] - mean[2]) * axis[2];
            order[p] = p;
        }
        for (var i = 1; i < count; i++)
        {
            for (var j = i; j > 0 && keys[order[j]] < keys[order[j - 1]]; j--)
            {
                (order[j], order[j - 1]) = (order[j - 1], order[j]);
            }
        }
        // Prefix sums of the sorted colours: cluster sums in constant time.
        Span<float> sums = stackalloc float[17 * 3];
        for (var p = 0; p < count; p++)
        {
            for (var c = 0; c < 3; c++)
            {
                sums[(p + 1) * 3 + c] = sums[p * 3 + c] + colours[order[p] * 3 + c];
            }
        }
        var bestError = int.MaxValue;
        c0 = c1 = 0;
        four = !anyCut;
        if (!anyCut)
        {
            ClusterFit4(sums, count, out var a, out var b);
            Refine(pixels, cut, ref a, ref b, true);
            bestError = Error(pixels, cut, a, b, true);
            (c0, c1) = (a, b);
        }
        if (anyCut || threeAllowed)
        {
            ClusterFit3(sums, count, out var a, out var b);
            Refine(pixels, cut, ref a, ref b, false);
            var error = Error(pixels, cut, a, b, false);
            if (error < bestError)
            {
                (c0, c1, four) = (a, b, false);
            }
        }
    }

    private static void ClusterFit4(ReadOnlySpan<float> sums, int n, out int c0, out int c1)
    {
        var best = float.MaxValue;
        c0 = c1 = 0;
        Span<float> a = stackalloc float[3];
        Span<float> b = stackalloc float[3];
        for (var i = 0; i <= n; i++)
        {
            for (var j = i; j <= n; j++)
            {
                for (var k = j; k <= n; k++)
                {
                    float n0 = i, n1 = j - i, n2 = k - j, n3 = n - k;
                    var aa = n0 + n1 * (4f / 9) + n2 * (1f / 9);
                    var bb = n3 + n1 * (1f / 9) + n2 * (4f / 9);
                    var ab = (n1 + n2) * (2f / 9);
                    var det = aa * bb - ab * ab;
                    if (det < 1e-6f)
                    {
                        continue;
                    }
                    var error = 0f;
                    for (var c = 0; c < 3; c++)
                    {
                        var s0 = sums[i * 3 + c];
                        var s1 = sums[j * 3 + c] - s0;
                        var s2 = sums[k * 3 + c] - sums[j * 3 + c];
                        var s3 = sums[n * 3 + c] - sums[k * 3 + c];
                        var ax = s0 + s1 * (2f / 3) + s2 * (1f / 3);
                        var bx = s3 + s1 * (1f / 3) + s2 * (2f / 3);
                        a[c] = Grid((ax * bb - bx * ab) / det, c);
                        b[c] = Grid((bx * aa - ax * ab) / det, c);
                        error += a[c] * (a[c] * aa - 2 * ax) + b[c] * (b[c] * bb - 2 * bx) + 2 * ab * a[c] * b[c];
                    }
                    if (error < best)
                    {
                        best = error;
                        c0 = Pack(a[0], a[1], a[2]);
                        c1 = Pack(b[0], b[1], b[2]);
                    }
                }
            }
        }
    }

    private static void ClusterFit3(ReadOnlySpan<float> sums, int n, out int c0, out int c1)
    {
        var best = float.MaxValue;
        c0 = c1 = 0;
        Span<float> a = stackalloc float[3];
        Span<float> b = stackalloc float[3];
        for (var i = 0; i <= n; i++)
        {
            for (var j = i; j <= n; j++)
            {
                float n0 = i, n1 = j - i, n2 = n - j;
                var aa = n0 + n1 * 0.25f;
                var bb = n2 + n1 * 0.25f;
                var ab = n1 * 0.25f;
                var det = aa * bb - ab * ab;
                if (det < 1e-6f)
                {
                    continue;
                }
                var error = 0f;
                for (var c = 0; c < 3; c++)
                {
                    var s0 = sums[i * 3 + c];
                    var s1 = sums[j * 3 + c] - s0;
                    var s2 = sums[n * 3 + c] - sums[j * 3 + c];
                    var ax = s0 + s1 * 0.5f;
                    var bx = s2 + s1 * 0.5f;
                    a[c] = Grid((ax * bb - bx * ab) / det, c);
                    b[c] = Grid((bx * aa - ax * ab) / det, c);
                    error += a[c] * (a[c] * aa - 2 * ax) + b[c] * (b[c] * bb - 2 * bx) + 2 * ab * a[c] * b[c];
                }
                if (error < best)
                {
                    best = error;
                    c0 = Pack(a[0], a[1], a[2]);
                    c1 = Pack(b[0], b[1], b[2]);
                }
            }
        }
        if (best == float.MaxValue)
        {
            // One pixel value only: both endpoints on it.
            c0 = c1 = Pack(sums[n * 3] / n, sums[n * 3 + 1] / n, sums[n * 3 + 2] / n);
        }
    }

    /// <summary>The value a channel takes after 5:6:5 quantisation and expansion, so the fit's error is the stored one.</summary>
    private static float Grid(float value, int channel)
    {
        var levels = channel == 1 ? 63 : 31;
        var q = Quantize(value, levels);
        return channel == 1 ? (q << 2) | (q >> 4) : (q << 3) | (q >> 2);
    }

    /// <summary>Greedy search over single-step changes of each endpoint channel, scored by the exact decoded error.</summary>
    private static void Refine(ReadOnlySpan<byte> pixels, ReadOnlySpan<bool> cut, ref int c0, ref int c1, bool four)
    {
        var best = Error(pixels, cut, c0, c1, four);
        for (var pass = 0; pass < 8 && best > 0; pass++)
        {
            var improved = false;
            for (var candidate = 0; candidate < 12; candidate++)
            {
                var endpoint = candidate / 6;
                var channel = candidate / 2 % 3;
                var step = candidate % 2 == 0 ? 1 : -1;
                var moved = Step(endpoint == 0 ? c0 : c1, channel, step);
                if (moved < 0)
                {
                    continue;
                }
                var (n0, n1) = endpoint == 0 ? (moved, c1) : (c0, moved);
                var error = Error(pixels, cut, n0, n1, four);
                if (error < best)
                {
                    best = error;
                    (c0, c1) = (n0, n1);
                    improved = true;
                }
            }
            if (!improved)
            {
                break;
            }
        }
    }

    private static int Step(int packed, int channel, int step)
    {
        var (shift, max) = channel switch { 0 => (11, 31), 1 => (5, 63), _ => (0, 31) };
        var value = ((packed >> shift) & max) + step;
        return value < 0 || value > max ? -1 : (packed & ~(max << shift)) | (value << shift);
    }
}
