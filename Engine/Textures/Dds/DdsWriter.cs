using System.Buffers.Binary;
using StyleForge.Engine.Textures.Bcn;

namespace StyleForge.Engine.Textures.Dds;

/// <summary>
/// Writes a 2D DDS file in a given format: the top level as given, and each further mip level box-filtered from the
/// one above (in linear light for sRGB formats, so mips do not darken), with the same kind of header as the source.
/// </summary>
public static class DdsWriter
{
    private const uint FlagsRequired = 0x1 | 0x2 | 0x4 | 0x1000; // CAPS, HEIGHT, WIDTH, PIXELFORMAT
    private const uint FlagPitch = 0x8;
    private const uint FlagMipCount = 0x20000;
    private const uint FlagLinearSize = 0x80000;
    private const uint CapsTexture = 0x1000;
    private const uint CapsComplexMipmap = 0x8 | 0x400000;

    /// <summary>The most mip levels a texture of this size can have.</summary>
    public static int FullMipCount(int width, int height) => 1 + (int)Math.Log2(Math.Max(width, height));

    public static void Write(Stream destination, DdsFormat format, int mipCount, byte[] rgba, int width, int height, BcQuality quality)
    {
        mipCount = Math.Clamp(mipCount, 1, FullMipCount(width, height));
        var header = new byte[DdsFile.HeaderBytes + (format.HeaderKind == DdsHeaderKind.Dx10 ? DdsFile.Dx10HeaderBytes : 0)];
        WriteHeader(header, format, mipCount, width, height);
        destination.Write(header);
        var level = rgba;
        int w = width, h = height;
        for (var m = 0; m < mipCount; m++)
        {
            if (m > 0)
            {
                level = MipChain.HalfSize(level, w, h, format.Srgb);
                w = DdsFile.LevelSize(width, m);
                h = DdsFile.LevelSize(height, m);
            }
            var data = format.Block is { } block ? BlockCodec.Encode(block, level, w, h, quality) : MaskedPixels.Encode(format, level, w, h);
            destination.Write(data);
        }
    }

    private static void U32(Span<byte> header, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(header[offset..], value);

    private static void WriteHeader(Span<byte> header, DdsFormat format, int mipCount, int width, int height)
    {
        "DDS "u8.CopyTo(header);
        U32(header, 4, 124);
        var compressed = format.Block is not null;
        U32(header, 8, FlagsRequired | (compressed ? FlagLinearSize : FlagPitch) | (mipCount > 1 ? FlagMipCount : 0));
        U32(header, 12, (uint)height);
        U32(header, 16, (uint)width);
        U32(header, 20, compressed ? (uint)DdsFile.LevelBytes(format, width, height) : (uint)((width * format.BitCount + 7) / 8));
        U32(header, 28, (uint)mipCount);
        U32(header, 76, 32);
        if (format.HeaderKind == DdsHeaderKind.Dx10)
        {
            U32(header, 80, 0x4);
            U32(header, 84, DdsFile.FourCCOf("DX10"));
            U32(header, 128, (uint)format.DxgiFormat);
            U32(header, 132, 3); // TEXTURE2D
            U32(header, 140, 1); // array size
        }
        else if (format.FourCC is { } fourCC)
        {
            U32(header, 80, 0x4);
            U32(header, 84, DdsFile.FourCCOf(fourCC));
        }
        else
        {
            var pixelFlags = (format.Luminance ? 0x20000u : 0x40u) | (format.Masks[3] != 0 ? 0x1u : 0u);
            U32(header, 80, pixelFlags);
            U32(header, 88, (uint)format.BitCount);
            for (var c = 0; c < 4; c++)
            {
                U32(header, 92 + c * 4, format.Masks[c]);
            }
        }
        U32(header, 108, CapsTexture | (mipCount > 1 ? CapsComplexMipmap : 0));
    }
}
