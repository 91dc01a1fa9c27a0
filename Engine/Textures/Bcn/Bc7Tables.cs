namespace StyleForge.Engine.Textures.Bcn;

/// <summary>
/// The fixed data of the BC7 format (D3D11 functional specification, "BC7 Format"): per-mode layout, the 64 two-
/// and three-subset partitions, their anchor pixels and the interpolation weights.
/// </summary>
internal static class Bc7Tables
{
    /// <summary>The layout of one BC7 mode.</summary>
    /// <param name="Subsets">Number of subsets (1 to 3).</param>
    /// <param name="PartitionBits">Bits of the partition number.</param>
    /// <param name="RotationBits">Bits of the channel rotation (modes 4 and 5).</param>
    /// <param name="SelectorBits">Bits of the index selector (mode 4).</param>
    /// <param name="ColourBits">Bits per colour endpoint channel, without the p-bit.</param>
    /// <param name="AlphaBits">Bits per alpha endpoint channel (0: alpha is 255).</param>
    /// <param name="EndpointPBits">Whether each endpoint has its own p-bit.</param>
    /// <param name="SharedPBits">Whether each subset's endpoints share one p-bit.</param>
    /// <param name="IndexBits">Bits per primary index.</param>
    /// <param name="SecondaryIndexBits">Bits per secondary index (modes 4 and 5; 0 elsewhere).</param>
    internal sealed record Mode(int Subsets, int PartitionBits, int RotationBits, int SelectorBits, int ColourBits, int AlphaBits,
        bool EndpointPBits, bool SharedPBits, int IndexBits, int SecondaryIndexBits);

    public static readonly Mode[] Modes =
    {
        new(3, 4, 0, 0, 4, 0, true, false, 3, 0),
        new(2, 6, 0, 0, 6, 0, false, true, 3, 0),
        new(3, 6, 0, 0, 5, 0, false, false, 2, 0),
        new(2, 6, 0, 0, 7, 0, true, false, 2, 0),
        new(1, 0, 2, 1, 5, 6, false, false, 2, 3),
        new(1, 0, 2, 0, 7, 8, false, false, 2, 2),
        new(1, 0, 0, 0, 7, 7, true, false, 4, 0),
        new(2, 6, 0, 0, 5, 5, true, false, 2, 0),
    };

    /// <summary>Interpolation weights out of 64, by index bits (2, 3, 4).</summary>
    public static ReadOnlySpan<byte> Weights2 => new byte[] { 0, 21, 43, 64 };

    public static ReadOnlySpan<byte> Weights3 => new byte[] { 0, 9, 18, 27, 37, 46, 55, 64 };

    public static ReadOnlySpan<byte> Weights4 => new byte[] { 0, 4, 9, 13, 17, 21, 26, 30, 34, 38, 43, 47, 51, 55, 60, 64 };

    public static ReadOnlySpan<byte> Weights(int indexBits) => indexBits switch { 2 => Weights2, 3 => Weights3, _ => Weights4 };

    /// <summary>Subset of each pixel, by subset count (1 to 3), partition and pixel: <c>Subset[subsets - 1][partition * 16 + pixel]</c>.</summary>
    public static readonly byte[][] Subset = { new byte[64 * 16], Parse(TwoSubsets), Parse(ThreeSubsets) };

    /// <summary>The anchor pixel of the second subset of two-subset partitions.</summary>
    public static ReadOnlySpan<byte> AnchorTwoOfTwo => new byte[]
    {
        15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
        15, 2, 8, 2, 2, 8, 8, 15, 2, 8, 2, 2, 8, 8, 2, 2,
        15, 15, 6, 8, 2, 8, 15, 15, 2, 8, 2, 2, 2, 15, 15, 6,
        6, 2, 6, 8, 15, 15, 2, 2, 15, 15, 15, 15, 15, 2, 2, 15,
    };

    /// <summary>The anchor pixel of the second subset of three-subset partitions.</summary>
    public static ReadOnlySpan<byte> AnchorTwoOfThree => new byte[]
    {
        3, 3, 15, 15, 8, 3, 15, 15, 8, 8, 6, 6, 6, 5, 3, 3,
        3, 3, 8, 15, 3, 3, 6, 10, 5, 8, 8, 6, 8, 5, 15, 15,
        8, 15, 3, 5, 6, 10, 8, 15, 15, 3, 15, 5, 15, 15, 15, 15,
        3, 15, 5, 5, 5, 8, 5, 10, 5, 10, 8, 13, 15, 12, 3, 3,
    };

    /// <summary>The anchor pixel of the third subset of three-subset partitions.</summary>
    public static ReadOnlySpan<byte> AnchorThreeOfThree => new byte[]
    {
        15, 8, 8, 3, 15, 15, 3, 8, 15, 15, 15, 15, 15, 15, 15, 8,
        15, 8, 15, 3, 15, 8, 15, 8, 3, 15, 6, 10, 15, 15, 10, 8,
        15, 3, 15, 10, 10, 8, 9, 10, 6, 15, 8, 15, 3, 6, 6, 8,
        15, 3, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 3, 15, 15, 8,
    };

    /// <summary>The anchor pixel (index stored with one bit less) of a subset.</summary>
    public static int Anchor(int subsets, int partition, int subset) => subset switch
    {
        0 => 0,
        1 => subsets == 2 ? AnchorTwoOfTwo[partition] : AnchorTwoOfThree[partition],
        _ => AnchorThreeOfThree[partition],
    };

    private static byte[] Parse(string rows)
    {
        var digits = rows.Where(char.IsDigit).Select(c => (byte)(c - '0')).ToArray();
        if (digits.Length != 64 * 16)
        {
            throw new InvalidOperationException($"A BC7 partition table has {digits.Length} entries instead of 1024.");
        }
        return digits;
    }

    // One row per partition, pixels in raster order.
    private const string TwoSubsets = """
        0011001100110011 0001000100010001 0111011101110111 0001001100110111
        0000000100010011 0011011101111111 0001001101111111 0000000100110111
        0000000000010011 0011011111111111 0000000101111111 0000000000010111
        0001011111111111 0000000011111111 0000111111111111 0000000000001111
        0000100011101111 0111000100000000 0000000010001110 0111001100010000
        0011000100000000 0000100011001110 0000000010001100 0111001100110001
        0011000100010000 0000100010001100 0110011001100110 0011011001101100
        0001011111101000 0000111111110000 0111000110001110 0011100110011100
        0101010101010101 0000111100001111 0101101001011010 0011001111001100
        0011110000111100 0101010110101010 0110100101101001 0101101010100101
        0111001111001110 0001001111001000 0011001001001100 0011101111011100
        0110100110010110 0011110011000011 0110011010011001 0000011001100000
        0100111001000000 0010011100100000 0000001001110010 0000010011100100
        0110110010010011 0011011011001001 0110001110011100 0011100111000110
        0110110011001001 0110001100111001 0111111010000001 0001100011100111
        0000111100110011 0011001111110000 0010001011101110 0100010001110111
        """;

    private const string ThreeSubsets = """
        0011001102212222 0001001122112221 0000200122112211 0222002200110111
        0000000011221122 0011001100220022 0022002211111111 0011001122112211
        0000000011112222 0000111111112222 0000111122222222 0012001200120012
        0112011201120112 0122012201220122 0011011211221222 0011200122002220
        0001001101121122 0111001120012200 0000112211221122 0022002200221111
        0111011102220222 0001000122212221 0000001101220122 0000110022102210
        0122012200110000 0012001211222222 0110122112210110 0000011012211221
        0022110211020022 0110011020022222 0011012201220011 0000200022112221
        0000000211221222 0222002200120011 0011001200220222 0120012001200120
        0000111122220000 0120120120120120 0120201212010120 0011220011220011
        0011112222000011 0101010122222222 0000000021212121 0022112200221122
        0022001100220011 0220122102201221 0101222222220101 0000212121212121
        0101010101012222 0222011102220111 0002111200021112 0000211221122112
        0222011101110222 0002111211120002 0110011001102222 0000000021122112
        0110011022222222 0022001100110022 0022112211220022 0000000000002112
        0002000100020001 0222122202221222 0101222222222222 0111201122012220
        """;
}
