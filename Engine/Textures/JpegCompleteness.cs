using System.Buffers.Binary;

namespace StyleForge.Engine.Textures;

/// <summary>
/// Whether a JPEG holds all its scans: marker segments inside the file, entropy-coded data up to an
/// EOI marker, and enough of it for the declared size. ImageSharp 2.1 paints the blocks of a cut
/// file flat gray and reports no error.
/// </summary>
public static class JpegCompleteness
{
    private const byte Marker = 0xFF;
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>Null when the file is complete, otherwise why it is not, for people.</summary>
    public static string? Problem(ReadOnlySpan<byte> content, long width, long height)
    {
        var position = 2;
        long entropyBytes = 0;
        while (true)
        {
            // Fill bytes (0xFF) may pad before any marker.
            while (position < content.Length && content[position] == Marker && position + 1 < content.Length && content[position + 1] == Marker)
            {
                position++;
            }
            if (position + 2 > content.Length)
            {
                return $"truncated: the file ends after {content.Length} bytes without the EOI marker that closes a JPEG";
            }
            if (content[position] != Marker)
            {
                return $"damaged: byte {position} should start a marker but is 0x{content[position]:X2}";
            }
            var marker = content[position + 1];
            position += 2;
            if (marker == EndOfImage)
            {
                return EnoughData(entropyBytes, width, height);
            }
            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                continue;
            }
            if (position + 2 > content.Length)
            {
                return $"truncated: the file ends inside the 0xFF{marker:X2} marker segment at byte {position - 2}";
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(content[position..]);
            if (position + length > content.Length)
            {
                return $"truncated: the 0xFF{marker:X2} segment at byte {position - 2} declares {length} bytes, but the file ends after {content.Length}";
            }
            position += length;
            if (marker != StartOfScan)
            {
                continue;
            }
            var scanStart = position;
            position = EndOfEntropyData(content, position);
            entropyBytes += position - scanStart;
            if (position >= content.Length)
            {
                return $"truncated: the file ends inside the image data after {content.Length} bytes, before the EOI marker that closes a JPEG";
            }
        }
    }

    /// <summary>The offset of the marker that ends entropy-coded data, or the content length when none does.</summary>
    private static int EndOfEntropyData(ReadOnlySpan<byte> content, int position)
    {
        while (position + 1 < content.Length)
        {
            if (content[position] != Marker)
            {
                position++;
                continue;
            }
            var next = content[position + 1];
            // 0xFF00 is a stuffed data byte and 0xFFD0-D7 restart markers sit inside the scan; anything else ends it.
            if (next == 0x00 || next is >= 0xD0 and <= 0xD7)
            {
                position += 2;
                continue;
            }
            return position;
        }
        return content.Length;
    }

    /// <summary>
    /// Every 8 x 8 luma block costs at least one bit (a Huffman code is never shorter), in baseline and
    /// progressive files alike; fewer bits cannot be a whole image of the declared size.
    /// </summary>
    private static string? EnoughData(long entropyBytes, long width, long height)
    {
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        return entropyBytes * 8 < blocks
            ? $"truncated: {entropyBytes} bytes of image data cannot hold the {width}x{height} pixels the header declares"
            : null;
    }
}
