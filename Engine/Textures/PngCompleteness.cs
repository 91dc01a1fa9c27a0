using System.Buffers.Binary;
using System.IO.Compression;

namespace StyleForge.Engine.Textures;

/// <summary>
/// Whether a PNG holds all the image data its header declares: every chunk inside the file, an IEND
/// chunk at the end, and an image-data stream that inflates to every row. ImageSharp 2.1 fills
/// missing rows silently, so a cut file would otherwise convert as if whole.
/// </summary>
public static class PngCompleteness
{
    /// <summary>
    /// Deflate's largest expansion: a 258-byte match costs at least 2 bits, about 1032:1 (zlib's
    /// technical notes). Fewer compressed bytes than declared/1032 cannot be a complete image.
    /// </summary>
    private const long MaxDeflateRatio = 1032;

    /// <summary>The Adam7 passes: first column, first row, column step, row step.</summary>
    private static readonly (int X, int Y, int DX, int DY)[] Adam7 =
    {
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
    };

    /// <summary>Null when the file is complete, otherwise why it is not, for people.</summary>
    public static string? Problem(ReadOnlySpan<byte> content)
    {
        const int signature = 8;
        var position = signature;
        long width = 0, height = 0;
        int bitDepth = 0, colourType = 0, interlace = 0;
        var imageData = new List<(int Start, int Length)>();
        while (true)
        {
            if (position + 8 > content.Length)
            {
                return $"truncated: the file ends after {content.Length} bytes without the IEND chunk that closes a PNG";
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(content[position..]);
            var type = System.Text.Encoding.ASCII.GetString(content.Slice(position + 4, 4));
            var data = position + 8;
            if (length > int.MaxValue || data + (long)length + 4 > content.Length)
            {
                return $"truncated: the {type} chunk at byte {position} declares {length} bytes, but the file ends after {content.Length}";
            }
            var chunk = content.Slice(data, (int)length);
            switch (type)
            {
                case "IHDR" when length >= 13:
                    width = BinaryPrimitives.ReadUInt32BigEndian(chunk);
                    height = BinaryPrimitives.ReadUInt32BigEndian(chunk[4..]);
                    bitDepth = chunk[8];
                    colourType = chunk[9];
                    interlace = chunk[12];
                    break;
                case "IDAT":
                    imageData.Add((data, (int)length));
                    break;
                case "IEND":
                    return ImageDataProblem(content, imageData, RawSize(width, height, bitDepth, colourType, interlace));
            }
            position = data + (int)length + 4;
        }
    }

    private static string? ImageDataProblem(ReadOnlySpan<byte> content, List<(int Start, int Length)> imageData, long expected)
    {
        long compressed = imageData.Sum(d => (long)d.Length);
        if (compressed * MaxDeflateRatio < expected)
        {
            return $"truncated: {compressed} bytes of compressed image data cannot hold the {expected} bytes the header declares (deflate expands at most {MaxDeflateRatio}:1)";
        }
        var joined = new byte[compressed];
        var at = 0;
        foreach (var (start, length) in imageData)
        {
            content.Slice(start, length).CopyTo(joined.AsSpan(at));
            at += length;
        }
        long inflated = 0;
        try
        {
            using var stream = new ZLibStream(new MemoryStream(joined), CompressionMode.Decompress);
            // Counted, not kept: the decoder inflates again; this pass only proves every row is there.
            var buffer = new byte[1 << 16];
            int read;
            while (inflated < expected && (read = stream.Read(buffer)) > 0)
            {
                inflated += read;
            }
        }
        catch (InvalidDataException)
        {
            // A cut deflate stream throws or just ends; both leave the count short.
        }
        return inflated < expected
            ? $"truncated: the image data ends after {inflated} of the {expected} bytes the header declares"
            : null;
    }

    /// <summary>Bytes of filtered scanlines the header declares: per row a filter byte and the packed pixels, per Adam7 pass when interlaced.</summary>
    private static long RawSize(long width, long height, int bitDepth, int colourType, int interlace)
    {
        var channels = colourType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            _ => 4,
        };
        long RowBytes(long pixels) => (pixels * channels * bitDepth + 7) / 8;
        if (interlace == 0)
        {
            return height * (1 + RowBytes(width));
        }
        long total = 0;
        foreach (var (x, y, dx, dy) in Adam7)
        {
            var columns = width > x ? (width - x + dx - 1) / dx : 0;
            var rows = height > y ? (height - y + dy - 1) / dy : 0;
            if (columns > 0 && rows > 0)
            {
                total += rows * (1 + RowBytes(columns));
            }
        }
        return total;
    }
}
