namespace StyleForge.Engine.Textures.Bcn;

/// <summary>
/// Decodes and encodes whole images of 4 x 4 blocks. Pixels are 8-bit RGBA, row by row. Images whose sides
/// are not multiples of 4 are padded by repeating the edge pixels, which keeps the padding from pulling the
/// endpoints of edge blocks away from the pixels that are shown. Block rows run in parallel.
/// </summary>
public static class BlockCodec
{
    public static int BlockBytes(BcFormat format) => format is BcFormat.Bc1 or BcFormat.Bc4 ? 8 : 16;

    /// <summary>Bytes of block data for a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public static long ByteCount(BcFormat format, int width, int height) =>
        (long)BlocksAcross(width) * BlocksAcross(height) * BlockBytes(format);

    private static int BlocksAcross(int pixels) => Math.Max(1, (pixels + 3) / 4);

    /// <summary>Decodes block data into RGBA (BC4 gives gray, BC5 red-green with blue 0, both opaque).</summary>
    public static byte[] Decode(BcFormat format, ReadOnlySpan<byte> blocks, int width, int height)
    {
        var needed = ByteCount(format, width, height);
        if (blocks.Length < needed)
        {
            throw new ArgumentException($"{format} {width}x{height} needs {needed} bytes of blocks, got {blocks.Length}.", nameof(blocks));
        }
        var rgba = new byte[(long)width * height * 4];
        var source = blocks[..(int)needed].ToArray();
        var across = BlocksAcross(width);
        var blockBytes = BlockBytes(format);
        Parallel.For(0, BlocksAcross(height), by =>
        {
            Span<byte> pixels = stackalloc byte[64];
            for (var bx = 0; bx < across; bx++)
            {
                var block = source.AsSpan((by * across + bx) * blockBytes, blockBytes);
                DecodeBlock(format, block, pixels);
                Scatter(pixels, rgba, width, height, bx * 4, by * 4);
            }
        });
        return rgba;
    }

    /// <summary>Encodes RGBA into block data. BC1 keeps pixels with alpha below 128 as its transparent cut-out.</summary>
    public static byte[] Encode(BcFormat format, ReadOnlySpan<byte> rgba, int width, int height, BcQuality quality)
    {
        if (rgba.Length != (long)width * height * 4)
        {
            throw new ArgumentException($"{width}x{height} RGBA needs {(long)width * height * 4} bytes, got {rgba.Length}.", nameof(rgba));
        }
        var blocks = new byte[ByteCount(format, width, height)];
        var source = rgba.ToArray();
        var across = BlocksAcross(width);
        var blockBytes = BlockBytes(format);
        Parallel.For(0, BlocksAcross(height), by =>
        {
            Span<byte> pixels = stackalloc byte[64];
            for (var bx = 0; bx < across; bx++)
            {
                Gather(source, width, height, bx * 4, by * 4, pixels);
                EncodeBlock(format, pixels, blocks.AsSpan((by * across + bx) * blockBytes, blockBytes), quality);
            }
        });
        return blocks;
    }

    public static void DecodeBlock(BcFormat format, ReadOnlySpan<byte> block, Span<byte> pixels)
    {
        switch (format)
        {
            case BcFormat.Bc1:
                Bc1Block.Decode(block, pixels, alwaysFourColours: false);
                break;
            case BcFormat.Bc2:
                Bc1Block.Decode(block[8..], pixels, alwaysFourColours: true);
                for (var i = 0; i < 16; i++)
                {
                    pixels[i * 4 + 3] = (byte)(((block[i / 2] >> (i % 2 * 4)) & 0xF) * 17);
                }
                break;
            case BcFormat.Bc3:
                Bc1Block.Decode(block[8..], pixels, alwaysFourColours: true);
                Bc4Block.Decode(block, pixels, 3);
                break;
            case BcFormat.Bc4:
                Bc4Block.Decode(block, pixels, 0);
                for (var i = 0; i < 16; i++)
                {
                    pixels[i * 4 + 1] = pixels[i * 4 + 2] = pixels[i * 4];
                    pixels[i * 4 + 3] = 255;
                }
                break;
            case BcFormat.Bc5:
                Bc4Block.Decode(block, pixels, 0);
                Bc4Block.Decode(block[8..], pixels, 1);
                for (var i = 0; i < 16; i++)
                {
                    pixels[i * 4 + 2] = 0;
                    pixels[i * 4 + 3] = 255;
                }
                break;
            default:
                Bc7Block.Decode(block, pixels);
                break;
        }
    }

    public static void EncodeBlock(BcFormat format, ReadOnlySpan<byte> pixels, Span<byte> block, BcQuality quality)
    {
        switch (format)
        {
            case BcFormat.Bc1:
                Bc1Block.Encode(pixels, block, quality, alphaCutout: true);
                break;
            case BcFormat.Bc2:
                block[..8].Clear();
                for (var i = 0; i < 16; i++)
                {
                    // Explicit 4-bit alpha: the nearest of the 16 levels (n * 17).
                    block[i / 2] |= (byte)(((pixels[i * 4 + 3] + 8) / 17) << (i % 2 * 4));
                }
                Bc1Block.Encode(pixels, block[8..], quality, alphaCutout: false);
                break;
            case BcFormat.Bc3:
                Bc4Block.Encode(pixels, 3, block, quality);
                Bc1Block.Encode(pixels, block[8..], quality, alphaCutout: false);
                break;
            case BcFormat.Bc4:
                Bc4Block.Encode(pixels, 0, block, quality);
                break;
            case BcFormat.Bc5:
                Bc4Block.Encode(pixels, 0, block, quality);
                Bc4Block.Encode(pixels, 1, block[8..], quality);
                break;
            case BcFormat.Bc7:
                Bc7Encoder.Encode(pixels, block, quality);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a block format");
        }
    }

    private static void Gather(byte[] rgba, int width, int height, int x0, int y0, Span<byte> pixels)
    {
        for (var y = 0; y < 4; y++)
        {
            var sy = Math.Min(y0 + y, height - 1);
            for (var x = 0; x < 4; x++)
            {
                var sx = Math.Min(x0 + x, width - 1);
                rgba.AsSpan((sy * width + sx) * 4, 4).CopyTo(pixels.Slice(((y * 4) + x) * 4, 4));
            }
        }
    }

    private static void Scatter(ReadOnlySpan<byte> pixels, byte[] rgba, int width, int height, int x0, int y0)
    {
        for (var y = 0; y < 4 && y0 + y < height; y++)
        {
            var count = Math.Min(4, width - x0);
            pixels.Slice(y * 16, count * 4).CopyTo(rgba.AsSpan(((y0 + y) * width + x0) * 4));
        }
    }
}
