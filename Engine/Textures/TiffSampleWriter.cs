using System.Buffers.Binary;
using System.IO.Compression;
using StyleForge.Plugins;

namespace StyleForge.Engine.Textures;

/// <summary>
/// Writes the TIFFs ImageSharp 2.1's encoder cannot: 16 bits per sample (gray, RGB, RGBA) and 8-bit RGBA (its encoder writes 1, 4 and 8-bit gray or palette and 24-bit RGB only; L16 came in 3.x, which
/// needs a paid licence). A baseline little-endian TIFF: one image, chunky samples, unsigned integers,
/// Deflate-compressed strips of about 64 KiB, alpha as unassociated (straight) alpha like PNG's.
/// </summary>
public static class TiffSampleWriter
{
    private const ushort TypeShort = 3;
    private const ushort TypeLong = 4;
    private const int StripBytes = 64 * 1024;

    /// <summary>Whether <paramref name="layout"/> (a TIFF layout) needs this writer rather than ImageSharp's encoder.</summary>
    public static bool Handles(TextureLayout layout) => layout.BitDepth > 8 || layout.Channels == 4;

    public static void Write(TextureBuffer pixels, TextureLayout layout, Stream destination)
    {
        var channels = pixels.Channels;
        var bytesPerSample = layout.BitDepth > 8 ? 2 : 1;
        var rowBytes = pixels.Width * channels * bytesPerSample;
        var rowsPerStrip = Math.Max(1, StripBytes / rowBytes);
        var strips = new List<byte[]>();
        for (var top = 0; top < pixels.Height; top += rowsPerStrip)
        {
            strips.Add(CompressStrip(pixels, top, Math.Min(rowsPerStrip, pixels.Height - top), bytesPerSample));
        }

        // File order: header, strips, the arrays too long for an IFD entry, then the IFD itself.
        var offset = 8L;
        var stripOffsets = new List<uint>();
        foreach (var strip in strips)
        {
            stripOffsets.Add(checked((uint)offset));
            offset += strip.Length + (strip.Length & 1);
        }
        var gray = channels == 1;
        var entries = new List<IfdEntry>
        {
            new(256, TypeLong, new[] { (uint)pixels.Width }),
            new(257, TypeLong, new[] { (uint)pixels.Height }),
            new(258, TypeShort, Enumerable.Repeat((uint)layout.BitDepth, channels).ToArray()),
            // Adobe Deflate: zlib streams, read by libtiff, ImageSharp, Photoshop and GIMP.
            new(259, TypeShort, new[] { 8u }),
            new(262, TypeShort, new[] { gray ? 1u : 2u }),
            new(273, TypeLong, stripOffsets.ToArray()),
            new(277, TypeShort, new[] { (uint)channels }),
            new(278, TypeLong, new[] { (uint)rowsPerStrip }),
            new(279, TypeLong, strips.Select(s => (uint)s.Length).ToArray()),
            new(284, TypeShort, new[] { 1u }),
        };
        if (channels == 4)
        {
            entries.Add(new(338, TypeShort, new[] { 2u }));
        }
        entries.Add(new(339, TypeShort, Enumerable.Repeat(1u, channels).ToArray()));

        var outOfLine = new Dictionary<ushort, uint>();
        foreach (var entry in entries.Where(e => e.Bytes > 4))
        {
            outOfLine[entry.Tag] = checked((uint)offset);
            offset += entry.Bytes + (entry.Bytes & 1);
        }
        var ifdOffset = checked((uint)offset);

        using var output = new BinaryWriter(destination, System.Text.Encoding.ASCII, leaveOpen: true);
        output.Write("II"u8);
        output.Write((ushort)42);
        output.Write(ifdOffset);
        foreach (var strip in strips)
        {
            output.Write(strip);
            Pad(output, strip.Length);
        }
        foreach (var entry in entries.Where(e => e.Bytes > 4))
        {
            entry.WriteValues(output);
            Pad(output, entry.Bytes);
        }
        output.Write((ushort)entries.Count);
        foreach (var entry in entries)
        {
            output.Write(entry.Tag);
            output.Write(entry.Type);
            output.Write((uint)entry.Values.Length);
            if (entry.Bytes > 4)
            {
                output.Write(outOfLine[entry.Tag]);
            }
            else
            {
                var start = output.BaseStream.Position;
                entry.WriteValues(output);
                for (var i = output.BaseStream.Position - start; i < 4; i++)
                {
                    output.Write((byte)0);
                }
            }
        }
        output.Write(0u);
    }

    private static byte[] CompressStrip(TextureBuffer pixels, int top, int rows, int bytesPerSample)
    {
        var samples = pixels.Width * pixels.Channels;
        var raw = new byte[rows * samples * bytesPerSample];
        var data = pixels.Pixels;
        var start = top * samples;
        for (var i = 0; i < rows * samples; i++)
        {
            var v = data[start + i];
            // Rounded and clamped like ImageSharp's FromVector4 on the other paths; NaN from a broken model becomes 0.
            var unit = float.IsFinite(v) ? Math.Clamp(v, 0f, 1f) : 0f;
            if (bytesPerSample == 2)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(raw.AsSpan(i * 2), (ushort)MathF.Round(unit * 65535f));
            }
            else
            {
                raw[i] = (byte)MathF.Round(unit * 255f);
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        return compressed.ToArray();
    }

    private static void Pad(BinaryWriter output, int length)
    {
        // TIFF wants every offset on a word boundary.
        if ((length & 1) != 0)
        {
            output.Write((byte)0);
        }
    }

    private sealed record IfdEntry(ushort Tag, ushort Type, uint[] Values)
    {
        public int Bytes => Values.Length * (Type == TypeShort ? 2 : 4);

        public void WriteValues(BinaryWriter output)
        {
            foreach (var value in Values)
            {
                if (Type == TypeShort)
                {
                    output.Write(checked((ushort)value));
                }
                else
                {
                    output.Write(value);
                }
            }
        }
    }
}
