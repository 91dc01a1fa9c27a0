using System.Buffers.Binary;
using StyleForge.Engine.Textures;
using StyleForge.Engine.Textures.Bcn;
using StyleForge.Engine.Textures.Dds;
using Xunit;

namespace StyleForge.Conversion.Tests.Dds;

public sealed class DdsFileTests
{
    private static byte[] Dx10(int dxgi, int width = 8, int height = 8, int mips = 1)
    {
        using var stream = new MemoryStream();
        DdsWriter.Write(stream, DxgiFormats.Describe(dxgi)!, mips, new byte[width * height * 4], width, height, BcQuality.Fast);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(136, 0x4u, "DDS cube maps are not supported yet")]
    [InlineData(140, 6u, "DDS texture arrays (6 slices) are not supported yet")]
    [InlineData(132, 4u, "DDS volume textures are not supported yet")]
    [InlineData(128, 95u, "DDS BC6H_UF16 is not supported yet")]
    [InlineData(128, 84u, "DDS BC5_SNORM is not supported yet")]
    public void Given_a_dx10_header_of_a_kind_not_read_yet_When_parsed_Then_it_is_refused_naming_the_file_and_the_kind(int offset, uint value, string reason)
    {
        var content = Dx10(DxgiFormats.Bc7Unorm);
        BinaryPrimitives.WriteUInt32LittleEndian(content.AsSpan(offset), value);

        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/t/sky.dds", content, TextureCodec.DefaultMaxPixels));

        Assert.Equal($"/t/sky.dds: {reason}", error.Message);
        Assert.True(UnsupportedTextureFormat.Is(error));
    }

    [Theory]
    [InlineData("DXT2", "DDS DXT2 (premultiplied alpha) is not supported yet")]
    [InlineData("BC4S", "DDS BC4S (signed) is not supported yet")]
    [InlineData("ETC1", "DDS pixel format 'ETC1' is not supported yet")]
    public void Given_a_legacy_fourcc_not_read_yet_When_parsed_Then_it_is_refused(string fourCC, string reason)
    {
        using var stream = new MemoryStream();
        DdsWriter.Write(stream, new DdsFormat(BcFormat.Bc1, 0, new uint[4], false, false, DdsHeaderKind.Legacy, "DXT1", 0), 1, new byte[256], 8, 8, BcQuality.Fast);
        var content = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(content.AsSpan(84), DdsFile.FourCCOf(fourCC));

        var error = Assert.Throws<InvalidDataException>(() => DdsFile.Parse("/t/a.dds", content));

        Assert.Equal($"/t/a.dds: {reason}", error.Message);
    }

    [Fact]
    public void Given_a_dds_cut_inside_its_mip_chain_When_read_Then_it_fails_as_truncated_and_is_not_an_unsupported_format()
    {
        var content = Dx10(DxgiFormats.Bc1Unorm, 16, 16, 5);

        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/t/cut.dds", content[..^4], TextureCodec.DefaultMaxPixels));

        Assert.StartsWith("/t/cut.dds: truncated: the DDS header declares", error.Message);
        Assert.False(UnsupportedTextureFormat.Is(error));
    }

    [Fact]
    public void Given_a_dds_claiming_more_pixels_than_the_limit_When_read_Then_it_is_refused_before_decoding()
    {
        var content = Dx10(DxgiFormats.Bc7Unorm, 64, 64);

        var error = Assert.Throws<InvalidDataException>(() => TextureCodec.Read("/t/big.dds", content, 1000));

        Assert.Contains("claims 64x64 pixels, more than the limit of 1000", error.Message);
    }

    [Fact]
    public void Given_legacy_luminance_and_rgb565_files_When_written_and_read_Then_masks_round_trip()
    {
        var luminance = new DdsFormat(null, 8, new uint[] { 0xFF, 0, 0, 0 }, true, false, DdsHeaderKind.Legacy, null, 0);
        var rgb565 = new DdsFormat(null, 16, new uint[] { 0xF800, 0x07E0, 0x001F, 0 }, false, false, DdsHeaderKind.Legacy, null, 0);
        var source = BcTestImages.Rgba(8, 8, alpha: false);
        foreach (var format in new[] { luminance, rgb565 })
        {
            using var stream = new MemoryStream();
            DdsWriter.Write(stream, format, 1, source, 8, 8, BcQuality.Fast);
            var content = stream.ToArray();
            var file = DdsFile.Parse("x.dds", content);
            var decoded = file.DecodeTop(content);
            Assert.Equal(format.Name, file.Format.Name);
            if (format == rgb565)
            {
                Assert.InRange(BcTestImages.MaxDifference(source, decoded, 3), 0, 4);
            }
            else
            {
                Assert.Equal(source.Where((_, i) => i % 4 == 0), decoded.Where((_, i) => i % 4 == 0));
            }
        }
    }
}
