using System.Buffers.Binary;

namespace StyleForge.Engine.Textures;

/// <summary>
/// Checks, before decoding, that a file holds all the pixel data its header declares. ImageSharp 2.1
/// fills what is missing silently (gray JPEG blocks, blank PNG rows), so a cut file would convert
/// with exit 0 and be recorded as up to date; and a tiny file that claims a huge size would take the
/// full size in memory. TIFF is not checked: its strips can sit anywhere in the file.
/// </summary>
public static class TextureCompleteness
{
    private const int TgaHeader = 18;

    /// <summary>Throws <see cref="InvalidDataException"/> starting with <paramref name="path"/> and saying "truncated" when data is missing.</summary>
    public static void Check(string path, ReadOnlySpan<byte> content, TextureFileFormat format, int width, int height)
    {
        var problem = format switch
        {
            TextureFileFormat.Png => PngCompleteness.Problem(content),
            TextureFileFormat.Jpeg => JpegCompleteness.Problem(content, width, height),
            TextureFileFormat.Tga => TgaProblem(content, (long)width * height),
            TextureFileFormat.Bmp => BmpProblem(content),
            TextureFileFormat.Webp => WebpProblem(content),
            _ => null,
        };
        if (problem is not null)
        {
            throw new InvalidDataException($"{path}: {problem}");
        }
    }

    /// <summary>Uncompressed TGA: header, ID, colour map and every pixel; RLE TGA: packets that cover every pixel.</summary>
    private static string? TgaProblem(ReadOnlySpan<byte> content, long pixels)
    {
        if (content.Length < TgaHeader)
        {
            return $"truncated: {content.Length} bytes is shorter than the {TgaHeader}-byte TGA header";
        }
        var colourMapBytes = content[1] == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(content[5..]) * ((content[7] + 7) / 8) : 0;
        var bytesPerPixel = (content[16] + 7) / 8;
        long position = TgaHeader + content[0] + colourMapBytes;
        var runLength = content[2] >= 9;
        if (!runLength)
        {
            var needed = position + pixels * bytesPerPixel;
            return needed > content.Length ? $"truncated: the header declares {needed} bytes of header and pixels, the file has {content.Length}" : null;
        }
        long covered = 0;
        while (covered < pixels)
        {
            if (position >= content.Length)
            {
                return $"truncated: the run-length data ends after {covered} of {pixels} pixels";
            }
            var packet = content[(int)position];
            var count = (packet & 0x7F) + 1;
            position += 1 + ((packet & 0x80) != 0 ? bytesPerPixel : count * bytesPerPixel);
            covered += count;
        }
        return position > content.Length ? $"truncated: the last run-length packet needs {position} bytes, the file has {content.Length}" : null;
    }

    /// <summary>Uncompressed and bit-field BMPs: pixel offset plus padded rows. Run-length BMPs are left to the decoder.</summary>
    private static string? BmpProblem(ReadOnlySpan<byte> content)
    {
        if (content.Length < 30)
        {
            return $"truncated: {content.Length} bytes is shorter than a BMP header";
        }
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(content[10..]);
        var core = BinaryPrimitives.ReadUInt32LittleEndian(content[14..]) == 12;
        long width = core ? BinaryPrimitives.ReadUInt16LittleEndian(content[18..]) : BinaryPrimitives.ReadInt32LittleEndian(content[18..]);
        long height = Math.Abs(core ? BinaryPrimitives.ReadUInt16LittleEndian(content[20..]) : (long)BinaryPrimitives.ReadInt32LittleEndian(content[22..]));
        var bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(content[(core ? 24 : 28)..]);
        var compression = core || content.Length < 34 ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(content[30..]);
        if (compression is not (0 or 3 or 6))
        {
            return null;
        }
        var rowBytes = (width * bitsPerPixel + 31) / 32 * 4;
        var needed = offset + rowBytes * height;
        return needed > content.Length ? $"truncated: the header declares {needed} bytes up to the last pixel row, the file has {content.Length}" : null;
    }

    /// <summary>WebP: the RIFF container states its own size.</summary>
    private static string? WebpProblem(ReadOnlySpan<byte> content)
    {
        if (content.Length < 12)
        {
            return $"truncated: {content.Length} bytes is shorter than a WebP header";
        }
        var needed = 8L + BinaryPrimitives.ReadUInt32LittleEndian(content[4..]);
        return needed > content.Length ? $"truncated: the RIFF header declares {needed} bytes, the file has {content.Length}" : null;
    }
}
