using StyleForge.Engine.Textures.Bcn;
using StyleForge.Engine.Textures.Dds;
using StyleForge.Tests;
using Xunit;

namespace StyleForge.Conversion.Tests.Dds;

/// <summary>Our DDS files checked by other decoders, and their files by ours (Pillow for BC1-BC7, nvtt 2.0 for BC1-BC5).</summary>
public sealed class IndependentCheckTests : IDisposable
{
    private const int Width = 28;
    private const int Height = 20;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The DX10 formats Pillow 9.4 reads (BC1-BC4 it reads through legacy headers, checked below).</summary>
    public static TheoryData<int, string> OurFormats => new()
    {
        { DxgiFormats.Bc5Unorm, "Quality" },
        { DxgiFormats.Bc7Unorm, "Fast" },
        { DxgiFormats.Bc7UnormSrgb, "Quality" },
        { DxgiFormats.R8G8B8A8Unorm, "Fast" },
        { DxgiFormats.R8G8B8A8UnormSrgb, "Fast" },
    };

    [SkippableTheory]
    [MemberData(nameof(OurFormats))]
    public void Pillow_decodes_our_dx10_files_as_we_do(int dxgi, string quality)
    {
        Skip.If(IndependentDecoders.PillowMissing() is not null, IndependentDecoders.PillowMissing());
        // Given a DX10 DDS file with a full mip chain, written by us
        var path = WriteOurs(DxgiFormats.Describe(dxgi)!, quality, out var source);

        // When Pillow and our reader decode it
        var theirs = IndependentDecoders.PillowDecode(path);
        var ours = ReadOurs(path);

        // Then they agree within 1 level per channel, and the pixels are close to the source
        Assert.Equal(ours.Length, theirs.Length);
        Assert.InRange(BcTestImages.MaxDifference(ours, theirs), 0, 1);
        Assert.True(BcTestImages.Psnr(source, ours, 0, dxgi == DxgiFormats.Bc4Unorm ? 1 : dxgi == DxgiFormats.Bc5Unorm ? 2 : 3) > 25);
    }

    [SkippableTheory]
    [InlineData("DXT1")]
    [InlineData("DXT3")]
    [InlineData("DXT5")]
    [InlineData("ATI1")]
    [InlineData("ATI2")]
    public void Pillow_decodes_our_legacy_files_as_we_do(string fourCC)
    {
        Skip.If(IndependentDecoders.PillowMissing() is not null, IndependentDecoders.PillowMissing());
        var block = fourCC switch { "DXT1" => BcFormat.Bc1, "DXT3" => BcFormat.Bc2, "DXT5" => BcFormat.Bc3, "ATI1" => BcFormat.Bc4, _ => BcFormat.Bc5 };
        var format = new DdsFormat(block, 0, new uint[4], false, false, DdsHeaderKind.Legacy, fourCC, 0);
        var path = WriteOurs(format, "Quality", out _);
        Assert.InRange(BcTestImages.MaxDifference(ReadOurs(path), IndependentDecoders.PillowDecode(path)), 0, 1);
    }

    [SkippableTheory]
    [InlineData("-bc1", 3)]
    [InlineData("-bc1a", 4)]
    [InlineData("-bc2", 4)]
    [InlineData("-bc3", 4)]
    [InlineData("-bc4", 1)]
    [InlineData("-bc5", 2)]
    public void We_decode_nvcompress_files_as_nvdecompress_does(string option, int channels)
    {
        Skip.If(IndependentDecoders.NvttMissing() is not null, IndependentDecoders.NvttMissing());
        // Given a file nvcompress wrote, with its default mip chain
        var png = _temp.Combine("source.png");
        var source = BcTestImages.Rgba(Width, Height, alpha: true);
        IndependentDecoders.SavePng(source, Width, Height, png);
        var dds = _temp.Combine("theirs.dds");
        IndependentDecoders.NvCompress(png, dds, option);

        // When we and nvdecompress decode it
        var file = DdsFile.Parse(dds, File.ReadAllBytes(dds));
        var ours = ReadOurs(dds);
        var theirs = IndependentDecoders.NvDecompress(dds);

        // Then the mip chain is read and the top levels agree within 1 level per channel
        Assert.True(file.MipCount > 1);
        Assert.InRange(BcTestImages.MaxDifference(ours, theirs, channels == 4 ? 4 : 3), 0, 1);
    }

    [SkippableTheory]
    [InlineData(BcFormat.Bc1, "DXT1")]
    [InlineData(BcFormat.Bc2, "DXT3")]
    [InlineData(BcFormat.Bc3, "DXT5")]
    [InlineData(BcFormat.Bc4, "ATI1")]
    [InlineData(BcFormat.Bc5, "ATI2")]
    public void Nvdecompress_decodes_our_files_as_we_do(object block, string fourCC)
    {
        Skip.If(IndependentDecoders.NvttMissing() is not null, IndependentDecoders.NvttMissing());
        var format = new DdsFormat((BcFormat)block, 0, new uint[4], false, false, DdsHeaderKind.Legacy, fourCC, 0);
        var path = WriteOurs(format, "Quality", out var source);
        var ours = ReadOurs(path);
        var theirs = IndependentDecoders.NvDecompress(path);
        Assert.InRange(BcTestImages.MaxDifference(ours, theirs, 3), 0, 1);
        Assert.True(BcTestImages.Psnr(source, theirs, 0, (BcFormat)block == BcFormat.Bc4 ? 1 : (BcFormat)block == BcFormat.Bc5 ? 2 : 3) > 25);
    }

    private string WriteOurs(DdsFormat format, string quality, out byte[] source)
    {
        source = BcTestImages.Rgba(Width, Height, alpha: format.Block is not (BcFormat.Bc1 or BcFormat.Bc4 or BcFormat.Bc5));
        var path = _temp.Combine($"ours-{format.DxgiFormat}-{format.FourCC}.dds");
        using (var stream = File.Create(path))
        {
            DdsWriter.Write(stream, format, DdsWriter.FullMipCount(Width, Height), source, Width, Height, Enum.Parse<BcQuality>(quality));
        }
        return path;
    }

    private static byte[] ReadOurs(string path)
    {
        var content = File.ReadAllBytes(path);
        return DdsFile.Parse(path, content).DecodeTop(content);
    }
}
