using StyleForge.Engine.Textures.Bcn;

namespace StyleForge.Engine.Textures.Dds;

/// <summary>Which header a DDS file uses: the original one with a FourCC or bit masks, or the DX10 extension with a DXGI format.</summary>
public enum DdsHeaderKind
{
    Legacy,
    Dx10,
}

/// <summary>
/// How a DDS file stores its pixels: a block format, or uncompressed bit masks (which also describe the DXGI
/// R8G8B8A8, B8G8R8A8, R8 and R8G8 formats), plus the header details needed to write a file of the same kind.
/// </summary>
/// <param name="Block">The block format, or null for uncompressed pixels.</param>
/// <param name="BitCount">Uncompressed bits per pixel (8, 16, 24 or 32).</param>
/// <param name="Masks">Uncompressed red, green, blue and alpha masks; a luminance file keeps its mask in red.</param>
/// <param name="Luminance">Whether the red mask is a luminance mask (gray stored once).</param>
/// <param name="Srgb">Whether the file says its colours are sRGB-encoded (DXGI _SRGB).</param>
/// <param name="HeaderKind">Legacy or DX10 header.</param>
/// <param name="FourCC">The legacy FourCC as read ("DXT1", "ATI2", ...), or null.</param>
/// <param name="DxgiFormat">The DXGI format number of a DX10 header, or 0.</param>
public sealed record DdsFormat(BcFormat? Block, int BitCount, uint[] Masks, bool Luminance, bool Srgb, DdsHeaderKind HeaderKind, string? FourCC, int DxgiFormat)
{
    /// <summary>For people, for example "DDS BC7_UNORM_SRGB (DX10)" or "DDS DXT1".</summary>
    public string Name => HeaderKind == DdsHeaderKind.Dx10
        ? $"DDS {DxgiFormats.NameOf(DxgiFormat)} (DX10)"
        : FourCC is not null ? $"DDS {FourCC}" : $"DDS {BitCount}-bit {(Luminance ? "luminance" : "RGB")}{(Masks[3] != 0 ? " with alpha" : "")}";

    /// <summary>Channels a decoded texture of this format has: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA.</summary>
    public int Channels(bool anyTranslucent) => Block switch
    {
        BcFormat.Bc4 => 1,
        BcFormat.Bc5 => 3,
        null when Luminance || (Masks[1] == 0 && Masks[2] == 0 && Masks[0] != 0 && BitCount == 8) => Masks[3] != 0 ? 2 : 1,
        null when Masks[3] == 0 => 3,
        BcFormat.Bc1 or BcFormat.Bc2 or BcFormat.Bc3 or BcFormat.Bc7 or null => anyTranslucent ? 4 : 3,
        _ => 3,
    };
}

/// <summary>The DXGI format numbers StyleForge reads and writes in DX10 DDS headers (dxgiformat.h).</summary>
public static class DxgiFormats
{
    public const int R8G8B8A8Unorm = 28;
    public const int R8G8B8A8UnormSrgb = 29;
    public const int R8G8Unorm = 49;
    public const int R8Unorm = 61;
    public const int Bc1Unorm = 71;
    public const int Bc1UnormSrgb = 72;
    public const int Bc2Unorm = 74;
    public const int Bc2UnormSrgb = 75;
    public const int Bc3Unorm = 77;
    public const int Bc3UnormSrgb = 78;
    public const int Bc4Unorm = 80;
    public const int Bc4Snorm = 81;
    public const int Bc5Unorm = 83;
    public const int Bc5Snorm = 84;
    public const int B8G8R8A8Unorm = 87;
    public const int B8G8R8X8Unorm = 88;
    public const int B8G8R8A8UnormSrgb = 91;
    public const int B8G8R8X8UnormSrgb = 93;
    public const int Bc6hUf16 = 95;
    public const int Bc6hSf16 = 96;
    public const int Bc7Unorm = 98;
    public const int Bc7UnormSrgb = 99;

    public static readonly uint[] Rgba = { 0xFF, 0xFF00, 0xFF0000, 0xFF000000 };
    public static readonly uint[] Bgra = { 0xFF0000, 0xFF00, 0xFF, 0xFF000000 };
    public static readonly uint[] Bgrx = { 0xFF0000, 0xFF00, 0xFF, 0 };

    /// <summary>The format a DXGI number stands for, or null when StyleForge does not read it.</summary>
    public static DdsFormat? Describe(int dxgi)
    {
        DdsFormat Block(BcFormat format, bool srgb) => new(format, 0, new uint[4], false, srgb, DdsHeaderKind.Dx10, null, dxgi);
        DdsFormat Plain(int bits, uint[] masks, bool srgb) => new(null, bits, masks, false, srgb, DdsHeaderKind.Dx10, null, dxgi);
        return dxgi switch
        {
            Bc1Unorm or Bc1UnormSrgb => Block(BcFormat.Bc1, dxgi == Bc1UnormSrgb),
            Bc2Unorm or Bc2UnormSrgb => Block(BcFormat.Bc2, dxgi == Bc2UnormSrgb),
            Bc3Unorm or Bc3UnormSrgb => Block(BcFormat.Bc3, dxgi == Bc3UnormSrgb),
            Bc4Unorm => Block(BcFormat.Bc4, false),
            Bc5Unorm => Block(BcFormat.Bc5, false),
            Bc7Unorm or Bc7UnormSrgb => Block(BcFormat.Bc7, dxgi == Bc7UnormSrgb),
            R8G8B8A8Unorm or R8G8B8A8UnormSrgb => Plain(32, Rgba, dxgi == R8G8B8A8UnormSrgb),
            B8G8R8A8Unorm or B8G8R8A8UnormSrgb => Plain(32, Bgra, dxgi == B8G8R8A8UnormSrgb),
            B8G8R8X8Unorm or B8G8R8X8UnormSrgb => Plain(32, Bgrx, dxgi == B8G8R8X8UnormSrgb),
            R8G8Unorm => Plain(16, new uint[] { 0xFF, 0xFF00, 0, 0 }, false),
            R8Unorm => Plain(8, new uint[] { 0xFF, 0, 0, 0 }, false),
            _ => null,
        };
    }

    public static string NameOf(int dxgi) => dxgi switch
    {
        R8G8B8A8Unorm => "R8G8B8A8_UNORM",
        R8G8B8A8UnormSrgb => "R8G8B8A8_UNORM_SRGB",
        R8G8Unorm => "R8G8_UNORM",
        R8Unorm => "R8_UNORM",
        Bc1Unorm => "BC1_UNORM",
        Bc1UnormSrgb => "BC1_UNORM_SRGB",
        Bc2Unorm => "BC2_UNORM",
        Bc2UnormSrgb => "BC2_UNORM_SRGB",
        Bc3Unorm => "BC3_UNORM",
        Bc3UnormSrgb => "BC3_UNORM_SRGB",
        Bc4Unorm => "BC4_UNORM",
        Bc4Snorm => "BC4_SNORM",
        Bc5Unorm => "BC5_UNORM",
        Bc5Snorm => "BC5_SNORM",
        B8G8R8A8Unorm => "B8G8R8A8_UNORM",
        B8G8R8X8Unorm => "B8G8R8X8_UNORM",
        B8G8R8A8UnormSrgb => "B8G8R8A8_UNORM_SRGB",
        B8G8R8X8UnormSrgb => "B8G8R8X8_UNORM_SRGB",
        Bc6hUf16 => "BC6H_UF16",
        Bc6hSf16 => "BC6H_SF16",
        Bc7Unorm => "BC7_UNORM",
        Bc7UnormSrgb => "BC7_UNORM_SRGB",
        _ => $"DXGI format {dxgi}",
    };
}
