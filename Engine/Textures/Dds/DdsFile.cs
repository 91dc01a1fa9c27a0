using System.Buffers.Binary;
using System.Text;
using StyleForge.Engine.Textures.Bcn;

namespace StyleForge.Engine.Textures.Dds;

/// <summary>
/// The header of a DDS file (Microsoft's "DDS file layout" and "DDS_HEADER_DXT10" pages) and access to its
/// top-level pixels. Only 2D textures are read; arrays, cube maps, volumes, BC6H and signed or premultiplied formats
/// are refused with <see cref="UnsupportedTextureFormat"/> errors, and a file shorter than its levels with
/// "truncated".
/// </summary>
public sealed class DdsFile
{
    public const int HeaderBytes = 128;
    public const int Dx10HeaderBytes = 20;

    // DDS_HEADER flags, caps and DDS_PIXELFORMAT flags.
    private const uint FlagMipCount = 0x20000;
    private const uint Caps2Cubemap = 0x200;
    private const uint Caps2Volume = 0x200000;
    private const uint PixelAlpha = 0x1;
    private const uint PixelAlphaOnly = 0x2;
    private const uint PixelFourCC = 0x4;
    private const uint PixelRgb = 0x40;
    private const uint PixelYuv = 0x200;
    private const uint PixelLuminance = 0x20000;
    private const uint Dx10Texture2D = 3;
    private const uint Dx10MiscCube = 0x4;

    private DdsFile(DdsFormat format, int width, int height, int mipCount, int dataOffset)
    {
        Format = format;
        Width = width;
        Height = height;
        MipCount = mipCount;
        DataOffset = dataOffset;
    }

    public DdsFormat Format { get; }

    public int Width { get; }

    public int Height { get; }

    public int MipCount { get; }

    public int DataOffset { get; }

    /// <summary>Whether <paramref name="content"/> starts with the DDS magic.</summary>
    public static bool IsDds(ReadOnlySpan<byte> content) => content.Length >= 4 && content[..4].SequenceEqual("DDS "u8);

    /// <summary>Reads and checks the header; every problem becomes an exception whose message starts with <paramref name="path"/>.</summary>
    public static DdsFile Parse(string path, ReadOnlySpan<byte> content)
    {
        if (content.Length < HeaderBytes)
        {
            throw new InvalidDataException($"{path}: truncated: {content.Length} bytes is shorter than the {HeaderBytes}-byte DDS header");
        }
        if (U32(content, 4) != 124 || U32(content, 76) != 32)
        {
            throw new InvalidDataException($"{path}: not a valid DDS header (header size {U32(content, 4)}, pixel format size {U32(content, 76)}; 124 and 32 expected)");
        }
        var flags = U32(content, 8);
        var height = U32(content, 12);
        var width = U32(content, 16);
        var mipCount = (flags & FlagMipCount) != 0 ? Math.Max(1u, U32(content, 28)) : 1u;
        var caps2 = U32(content, 112);
        var pixelFlags = U32(content, 80);
        var fourCC = U32(content, 84);
        if (width == 0 || height == 0 || width > 65536 || height > 65536)
        {
            throw new InvalidDataException($"{path}: DDS header declares {width}x{height} pixels");
        }
        if ((caps2 & Caps2Cubemap) != 0)
        {
            throw UnsupportedTextureFormat.Error($"{path}: DDS cube maps are not supported yet");
        }
        if ((caps2 & Caps2Volume) != 0)
        {
            throw UnsupportedTextureFormat.Error($"{path}: DDS volume textures are not supported yet");
        }
        DdsFormat format;
        var dataOffset = HeaderBytes;
        if ((pixelFlags & PixelFourCC) != 0 && fourCC == FourCCOf("DX10"))
        {
            if (content.Length < HeaderBytes + Dx10HeaderBytes)
            {
                throw new InvalidDataException($"{path}: truncated: {content.Length} bytes is shorter than the DDS header with its DX10 extension");
            }
            var dxgi = (int)U32(content, 128);
            var dimension = U32(content, 132);
            var misc = U32(content, 136);
            var arraySize = U32(content, 140);
            if (dimension != Dx10Texture2D)
            {
                throw UnsupportedTextureFormat.Error($"{path}: DDS {(dimension == 4 ? "volume" : dimension == 2 ? "1D" : $"dimension {dimension}")} textures are not supported yet");
            }
            if ((misc & Dx10MiscCube) != 0)
            {
                throw UnsupportedTextureFormat.Error($"{path}: DDS cube maps are not supported yet");
            }
            if (arraySize > 1)
            {
                throw UnsupportedTextureFormat.Error($"{path}: DDS texture arrays ({arraySize} slices) are not supported yet");
            }
            format = DxgiFormats.Describe(dxgi)
                ?? throw UnsupportedTextureFormat.Error($"{path}: DDS {DxgiFormats.NameOf(dxgi)} is not supported yet");
            dataOffset += Dx10HeaderBytes;
        }
        else if ((pixelFlags & PixelFourCC) != 0)
        {
            format = FromFourCC(path, fourCC);
        }
        else
        {
            format = FromMasks(path, pixelFlags, (int)U32(content, 88), new[] { U32(content, 92), U32(content, 96), U32(content, 100), U32(content, 104) });
        }
        var maxLevels = 1 + (int)Math.Log2(Math.Max(width, height));
        if (mipCount > maxLevels)
        {
            throw new InvalidDataException($"{path}: DDS header declares {mipCount} mip levels, a {width}x{height} texture has at most {maxLevels}");
        }
        var file = new DdsFile(format, (int)width, (int)height, (int)mipCount, dataOffset);
        var needed = dataOffset + file.TotalBytes();
        if (needed > content.Length)
        {
            throw new InvalidDataException($"{path}: truncated: the DDS header declares {needed} bytes for {mipCount} level(s), the file has {content.Length}");
        }
        return file;
    }

    private static uint U32(ReadOnlySpan<byte> content, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(content[offset..]);

    private static DdsFormat FromFourCC(string path, uint fourCC)
    {
        var text = TextOf(fourCC);
        DdsFormat Block(BcFormat format) => new(format, 0, new uint[4], false, false, DdsHeaderKind.Legacy, text, 0);
        return text switch
        {
            "DXT1" => Block(BcFormat.Bc1),
            "DXT3" => Block(BcFormat.Bc2),
            "DXT5" => Block(BcFormat.Bc3),
            "ATI1" or "BC4U" => Block(BcFormat.Bc4),
            "ATI2" or "BC5U" => Block(BcFormat.Bc5),
            "DXT2" or "DXT4" => throw UnsupportedTextureFormat.Error($"{path}: DDS {text} (premultiplied alpha) is not supported yet"),
            "BC4S" or "BC5S" => throw UnsupportedTextureFormat.Error($"{path}: DDS {text} (signed) is not supported yet"),
            _ => throw UnsupportedTextureFormat.Error($"{path}: DDS pixel format {Printable(text, fourCC)} is not supported yet"),
        };
    }

    private static string Printable(string text, uint fourCC) =>
        text.All(c => c is >= ' ' and <= '~') ? $"'{text}'" : $"code {fourCC}";

    private static DdsFormat FromMasks(string path, uint flags, int bitCount, uint[] masks)
    {
        if ((flags & PixelYuv) != 0 || bitCount is not (8 or 16 or 24 or 32))
        {
            throw UnsupportedTextureFormat.Error($"{path}: DDS {bitCount}-bit {((flags & PixelYuv) != 0 ? "YUV" : "uncompressed")} pixels are not supported yet");
        }
        var luminance = (flags & PixelLuminance) != 0;
        if ((flags & (PixelRgb | PixelLuminance | PixelAlphaOnly)) == 0)
        {
            throw UnsupportedTextureFormat.Error($"{path}: DDS pixel format flags 0x{flags:X} are not supported yet");
        }
        if ((flags & PixelAlpha) == 0 && (flags & PixelAlphaOnly) == 0)
        {
            masks[3] = 0;
        }
        if ((flags & PixelAlphaOnly) != 0 && (flags & (PixelRgb | PixelLuminance)) == 0)
        {
            throw UnsupportedTextureFormat.Error($"{path}: DDS alpha-only pixels are not supported yet");
        }
        return new DdsFormat(null, bitCount, masks, luminance, false, DdsHeaderKind.Legacy, null, 0);
    }

    public static uint FourCCOf(string text) => BinaryPrimitives.ReadUInt32LittleEndian(Encoding.ASCII.GetBytes(text));

    private static string TextOf(uint fourCC)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, fourCC);
        return Encoding.Latin1.GetString(bytes);
    }

    /// <summary>Bytes of one level of a <paramref name="width"/> x <paramref name="height"/> texture in <paramref name="format"/>.</summary>
    public static long LevelBytes(DdsFormat format, int width, int height) => format.Block is { } block
        ? BlockCodec.ByteCount(block, width, height)
        : (long)width * height * (format.BitCount / 8);

    public static int LevelSize(int size, int level) => Math.Max(1, size >> level);

    private long TotalBytes()
    {
        long total = 0;
        for (var level = 0; level < MipCount; level++)
        {
            total += LevelBytes(Format, LevelSize(Width, level), LevelSize(Height, level));
        }
        return total;
    }

    /// <summary>Decodes the top level into 8-bit RGBA.</summary>
    public byte[] DecodeTop(ReadOnlySpan<byte> content)
    {
        var data = content.Slice(DataOffset, (int)LevelBytes(Format, Width, Height));
        return Format.Block is { } block ? BlockCodec.Decode(block, data, Width, Height) : MaskedPixels.Decode(Format, data, Width, Height);
    }
}
