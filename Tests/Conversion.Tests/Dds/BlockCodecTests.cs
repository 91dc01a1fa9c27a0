using StyleForge.Engine.Textures.Bcn;
using Xunit;

namespace StyleForge.Conversion.Tests.Dds;

public sealed class BlockCodecTests
{
    // Floors a little under what the codec measured on this noisy, hard-edged image; real textures score higher (bench dds).
    [Theory]
    [InlineData("Bc1", "Fast", 27.5)]
    [InlineData("Bc1", "Quality", 27.5)]
    [InlineData("Bc3", "Fast", 27.5)]
    [InlineData("Bc3", "Quality", 27.5)]
    [InlineData("Bc7", "Fast", 28.0)]
    [InlineData("Bc7", "Quality", 35.0)]
    public void Colour_formats_round_trip_close_to_the_source(string formatName, string qualityName, double minimumPsnr)
    {
        var format = Enum.Parse<BcFormat>(formatName);
        var quality = Enum.Parse<BcQuality>(qualityName);
        // Given an opaque 30x22 image (not a multiple of 4: edge blocks are padded)
        var source = BcTestImages.Rgba(30, 22, alpha: false);

        // When it is encoded and decoded
        var decoded = BlockCodec.Decode(format, BlockCodec.Encode(format, source, 30, 22, quality), 30, 22);

        // Then the colour stays close and alpha stays opaque
        Assert.True(BcTestImages.Psnr(source, decoded) >= minimumPsnr, $"{format} {quality}: {BcTestImages.Psnr(source, decoded):F2} dB");
        Assert.All(Enumerable.Range(0, 30 * 22), p => Assert.Equal(255, decoded[p * 4 + 3]));
    }

    [Fact]
    public void Quality_mode_is_no_worse_than_fast_mode()
    {
        var source = BcTestImages.Rgba(32, 32, alpha: true);
        foreach (var format in new[] { BcFormat.Bc1, BcFormat.Bc3, BcFormat.Bc4, BcFormat.Bc5, BcFormat.Bc7 })
        {
            var fast = BlockCodec.Decode(format, BlockCodec.Encode(format, source, 32, 32, BcQuality.Fast), 32, 32);
            var quality = BlockCodec.Decode(format, BlockCodec.Encode(format, source, 32, 32, BcQuality.Quality), 32, 32);
            var channels = format == BcFormat.Bc4 ? 1 : format == BcFormat.Bc5 ? 2 : 3;
            Assert.True(BcTestImages.Psnr(source, quality, 0, channels) >= BcTestImages.Psnr(source, fast, 0, channels) - 0.01, format.ToString());
        }
    }

    [Fact]
    public void Bc1_keeps_its_alpha_cutout()
    {
        // Given pixels with alpha 0 in the first four columns and at least 60 elsewhere
        var source = BcTestImages.Rgba(16, 16, alpha: true);
        for (var p = 0; p < 256; p++)
        {
            source[p * 4 + 3] = source[p * 4 + 3] < 128 ? (byte)0 : (byte)255;
        }

        foreach (var quality in new[] { BcQuality.Fast, BcQuality.Quality })
        {
            // When encoded as BC1
            var decoded = BlockCodec.Decode(BcFormat.Bc1, BlockCodec.Encode(BcFormat.Bc1, source, 16, 16, quality), 16, 16);

            // Then exactly the cut-out pixels are transparent
            for (var p = 0; p < 256; p++)
            {
                Assert.Equal(source[p * 4 + 3], decoded[p * 4 + 3]);
            }
        }
    }

    [Theory]
    [InlineData("Bc3", 3)]
    [InlineData("Bc4", 0)]
    [InlineData("Bc5", 1)]
    public void Single_channel_blocks_keep_their_channel_close(string formatName, int channel)
    {
        var format = Enum.Parse<BcFormat>(formatName);
        var source = BcTestImages.Rgba(24, 20, alpha: true);
        var decoded = BlockCodec.Decode(format, BlockCodec.Encode(format, source, 24, 20, BcQuality.Quality), 24, 20);
        Assert.True(BcTestImages.Psnr(source, decoded, channel, 1) >= 38, $"{format}: {BcTestImages.Psnr(source, decoded, channel, 1):F2} dB");
    }

    [Fact]
    public void Bc7_quality_keeps_graded_alpha()
    {
        var source = BcTestImages.Rgba(24, 24, alpha: true);
        var decoded = BlockCodec.Decode(BcFormat.Bc7, BlockCodec.Encode(BcFormat.Bc7, source, 24, 24, BcQuality.Quality), 24, 24);
        Assert.True(BcTestImages.Psnr(source, decoded, 0, 4) >= 33, $"{BcTestImages.Psnr(source, decoded, 0, 4):F2} dB");
    }

    [Fact]
    public void Bc2_explicit_alpha_decodes_in_steps_of_17()
    {
        // A BC2 block: alpha nibbles 0..15 in pixel order, then a colour block with both endpoints white.
        var block = new byte[16];
        for (var i = 0; i < 8; i++)
        {
            block[i] = (byte)((2 * i) | ((2 * i + 1) << 4));
        }
        block[8] = block[9] = block[10] = block[11] = 0xFF;
        var pixels = new byte[64];
        BlockCodec.DecodeBlock(BcFormat.Bc2, block, pixels);
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(i * 17, pixels[i * 4 + 3]);
            Assert.Equal(255, pixels[i * 4]);
        }
    }
}
