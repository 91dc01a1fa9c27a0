using System.Numerics;

namespace StyleForge.Engine.Textures.Dds;

/// <summary>Uncompressed DDS pixels described by per-channel bit masks (legacy headers, and the plain DXGI formats).</summary>
public static class MaskedPixels
{
    public static byte[] Decode(DdsFormat format, ReadOnlySpan<byte> data, int width, int height)
    {
        var bytesPerPixel = format.BitCount / 8;
        var rgba = new byte[(long)width * height * 4];
        for (var p = 0; p < width * height; p++)
        {
            uint value = 0;
            for (var b = 0; b < bytesPerPixel; b++)
            {
                value |= (uint)data[p * bytesPerPixel + b] << (8 * b);
            }
            for (var c = 0; c < 4; c++)
            {
                var mask = format.Masks[c];
                rgba[p * 4 + c] = mask == 0 ? (byte)(c == 3 ? 255 : 0) : Extract(value, mask);
            }
            if (format.Luminance || (format.Masks[1] == 0 && format.Masks[2] == 0))
            {
                rgba[p * 4 + 1] = rgba[p * 4 + 2] = rgba[p * 4];
            }
        }
        return rgba;
    }

    public static byte[] Encode(DdsFormat format, ReadOnlySpan<byte> rgba, int width, int height)
    {
        var bytesPerPixel = format.BitCount / 8;
        var data = new byte[(long)width * height * bytesPerPixel];
        for (var p = 0; p < width * height; p++)
        {
            uint value = 0;
            for (var c = 0; c < 4; c++)
            {
                value |= Insert(rgba[p * 4 + c], format.Masks[c]);
            }
            for (var b = 0; b < bytesPerPixel; b++)
            {
                data[p * bytesPerPixel + b] = (byte)(value >> (8 * b));
            }
        }
        return data;
    }

    private static byte Extract(uint value, uint mask)
    {
        var shift = BitOperations.TrailingZeroCount(mask);
        var max = (ulong)(mask >> shift);
        return (byte)((((ulong)(value & mask) >> shift) * 255 + max / 2) / max);
    }

    private static uint Insert(byte value, uint mask)
    {
        if (mask == 0)
        {
            return 0;
        }
        var shift = BitOperations.TrailingZeroCount(mask);
        var max = (ulong)(mask >> shift);
        return (uint)(((value * max + 127) / 255) << shift) & mask;
    }
}
