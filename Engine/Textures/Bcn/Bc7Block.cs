using System.Buffers.Binary;

namespace StyleForge.Engine.Textures.Bcn;

/// <summary>Decodes BC7 blocks (all eight modes); a reserved mode byte decodes to transparent black, as the format specifies.</summary>
public static class Bc7Block
{
    public static void Decode(ReadOnlySpan<byte> block, Span<byte> pixels)
    {
        var bits = new Bc7Bits(BinaryPrimitives.ReadUInt64LittleEndian(block), BinaryPrimitives.ReadUInt64LittleEndian(block[8..]));
        var modeNumber = 0;
        while (modeNumber < 8 && bits.Read(1) == 0)
        {
            modeNumber++;
        }
        if (modeNumber == 8)
        {
            pixels[..64].Clear();
            return;
        }
        var mode = Bc7Tables.Modes[modeNumber];
        var partition = bits.Read(mode.PartitionBits);
        var rotation = bits.Read(mode.RotationBits);
        var selector = bits.Read(mode.SelectorBits);
        var endpoints = mode.Subsets * 2;
        // Endpoint e of channel c at [e * 4 + c], first as stored, then expanded to 8 bits.
        Span<int> ends = stackalloc int[24];
        for (var c = 0; c < 3; c++)
        {
            for (var e = 0; e < endpoints; e++)
            {
                ends[e * 4 + c] = bits.Read(mode.ColourBits);
            }
        }
        for (var e = 0; e < endpoints; e++)
        {
            ends[e * 4 + 3] = mode.AlphaBits > 0 ? bits.Read(mode.AlphaBits) : 255;
        }
        Span<int> pbits = stackalloc int[6];
        if (mode.EndpointPBits)
        {
            for (var e = 0; e < endpoints; e++)
            {
                pbits[e] = bits.Read(1);
            }
        }
        else if (mode.SharedPBits)
        {
            for (var s = 0; s < mode.Subsets; s++)
            {
                pbits[2 * s] = pbits[2 * s + 1] = bits.Read(1);
            }
        }
        var hasPBit = mode.EndpointPBits || mode.SharedPBits;
        for (var e = 0; e < endpoints; e++)
        {
            for (var c = 0; c < 4; c++)
            {
                var width = c < 3 ? mode.ColourBits : mode.AlphaBits;
                if (width == 0)
                {
                    continue;
                }
                ends[e * 4 + c] = hasPBit ? Expand((ends[e * 4 + c] << 1) | pbits[e], width + 1) : Expand(ends[e * 4 + c], width);
            }
        }
        var subsets = Bc7Tables.Subset[mode.Subsets - 1].AsSpan(partition * 16, 16);
        Span<int> primary = stackalloc int[16];
        Span<int> secondary = stackalloc int[16];
        for (var i = 0; i < 16; i++)
        {
            var anchor = i == Bc7Tables.Anchor(mode.Subsets, partition, subsets[i]);
            primary[i] = bits.Read(mode.IndexBits - (anchor ? 1 : 0));
        }
        if (mode.SecondaryIndexBits > 0)
        {
            for (var i = 0; i < 16; i++)
            {
                secondary[i] = bits.Read(mode.SecondaryIndexBits - (i == 0 ? 1 : 0));
            }
        }
        for (var i = 0; i < 16; i++)
        {
            var s = subsets[i];
            int colourIndex = primary[i], colourBits = mode.IndexBits, alphaIndex = primary[i], alphaBits = mode.IndexBits;
            if (mode.SecondaryIndexBits > 0)
            {
                (alphaIndex, alphaBits) = (secondary[i], mode.SecondaryIndexBits);
                if (selector == 1)
                {
                    (colourIndex, colourBits, alphaIndex, alphaBits) = (alphaIndex, alphaBits, colourIndex, colourBits);
                }
            }
            var colourWeight = Bc7Tables.Weights(colourBits)[colourIndex];
            var alphaWeight = Bc7Tables.Weights(alphaBits)[alphaIndex];
            for (var c = 0; c < 4; c++)
            {
                var w = c < 3 ? colourWeight : alphaWeight;
                pixels[i * 4 + c] = (byte)Interpolate(ends[2 * s * 4 + c], ends[(2 * s + 1) * 4 + c], w);
            }
            Rotate(pixels.Slice(i * 4, 4), rotation);
        }
    }

    public static int Interpolate(int e0, int e1, int weight) => ((64 - weight) * e0 + weight * e1 + 32) >> 6;

    /// <summary>Expands a <paramref name="width"/>-bit value to 8 bits by repeating its top bits below it.</summary>
    public static int Expand(int value, int width) => width >= 8 ? value : (value << (8 - width)) | (value >> (2 * width - 8));

    /// <summary>Modes 4 and 5 store one colour channel in the alpha slot: 1 swaps red, 2 green, 3 blue with alpha.</summary>
    public static void Rotate(Span<byte> pixel, int rotation)
    {
        if (rotation > 0)
        {
            (pixel[rotation - 1], pixel[3]) = (pixel[3], pixel[rotation - 1]);
        }
    }
}

/// <summary>The 128 bits of a BC7 block, read or written from the least significant bit up.</summary>
public struct Bc7Bits
{
    private ulong _low;
    private ulong _high;
    private int _position;

    public Bc7Bits(ulong low, ulong high)
    {
        _low = low;
        _high = high;
        _position = 0;
    }

    public int Read(int count)
    {
        if (count == 0)
        {
            return 0;
        }
        var mask = (1UL << count) - 1;
        ulong value;
        if (_position >= 64)
        {
            value = _high >> (_position - 64);
        }
        else if (_position + count <= 64)
        {
            value = _low >> _position;
        }
        else
        {
            value = (_low >> _position) | (_high << (64 - _position));
        }
        _position += count;
        return (int)(value & mask);
    }

    public void Write(int value, int count)
    {
        if (count == 0)
        {
            return;
        }
        var v = (ulong)value & ((1UL << count) - 1);
        if (_position >= 64)
        {
            _high |= v << (_position - 64);
        }
        else
        {
            _low |= v << _position;
            if (_position + count > 64)
            {
                _high |= v >> (64 - _position);
            }
        }
        _position += count;
    }

    public readonly void CopyTo(Span<byte> block)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(block, _low);
        BinaryPrimitives.WriteUInt64LittleEndian(block[8..], _high);
    }
}
