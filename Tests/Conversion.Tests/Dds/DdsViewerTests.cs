using System.Buffers.Binary;
using StyleForge.Engine.Textures;
using StyleForge.Engine.Textures.Bcn;
using StyleForge.Engine.Textures.Dds;
using StyleForge.Host.Preview;
using StyleForge.Tests;
using StyleForge.Viewer;
using StyleForge.Viewer.Vulkan;
using Xunit;

namespace StyleForge.Conversion.Tests.Dds;

/// <summary>
/// <c>view</c> on DDS files: each mip level drawn by the Vulkan viewer (lavapipe, which CI installs as
/// mesa-vulkan-drivers) against our decoder, both upload paths, and sRGB against UNORM.
/// </summary>
public sealed class DdsViewerTests : IDisposable
{
    private const int Size = 16;
    private readonly TempFolder _temp = new();
    private readonly List<string> _warnings = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(DxgiFormats.Bc1Unorm, "VK_FORMAT_BC1_RGBA_UNORM_BLOCK", 2)]
    [InlineData(DxgiFormats.Bc7Unorm, "VK_FORMAT_BC7_UNORM_BLOCK", 1)]
    [InlineData(DxgiFormats.Bc7UnormSrgb, "VK_FORMAT_BC7_SRGB_BLOCK", 1)]
    public void Given_a_dds_with_mips_When_each_level_is_viewed_Then_the_blocks_go_up_as_stored_and_show_what_our_decoder_decodes(
        int dxgi, string vulkanFormat, int tolerance)
    {
        // Given a 16x16 DDS with its full chain of 5 levels, loaded as view loads it
        var image = Load(Write("wall.dds", dxgi, mips: 5, BcTestImages.Rgba(Size, Size, alpha: false)));
        var texture = Assert.IsType<ViewerTexture>(image.Texture);
        Assert.Equal(5, texture.Levels.Count);

        for (var level = 0; level < 5; level++)
        {
            // When level L is drawn into a cell of its own size (one texel per pixel)
            var side = Size >> level;
            var sheet = HeadlessRenderer.RenderSheet([new ViewerPair(image, null)], ViewMode.Single, side, level);

            // Then lavapipe sampled the blocks themselves, and every pixel is our decoder's within the tolerance
            Assert.Equal([vulkanFormat], sheet.TextureFormats);
            var decoded = BlockCodec.Decode(DxgiFormats.Describe(dxgi)!.Block!.Value, texture.Levels[level].Data, side, side);
            AssertSame(decoded, sheet, tolerance, $"level {level}");
        }
    }

    [Theory]
    [InlineData(DxgiFormats.Bc1Unorm, "VK_FORMAT_R8G8B8A8_UNORM")]
    [InlineData(DxgiFormats.Bc7UnormSrgb, "VK_FORMAT_R8G8B8A8_SRGB")]
    public void Given_a_device_path_without_block_support_When_levels_are_viewed_Then_our_decoded_pixels_go_up_in_the_same_colour_space(
        int dxgi, string vulkanFormat)
    {
        // Given a DDS with mips, and the upload forced to the path a device without BCn sampling takes
        var image = Load(Write("wall.dds", dxgi, mips: 3, BcTestImages.Rgba(Size, Size, alpha: false)));

        for (var level = 0; level < 3; level++)
        {
            // When each level is drawn at its own size
            var side = Size >> level;
            var sheet = HeadlessRenderer.RenderSheet([new ViewerPair(image, null)], ViewMode.Single, side, level, BlockUpload.Decoded);

            // Then RGBA went up (sRGB kept) and the pixels are the decoder's
            Assert.Equal([vulkanFormat], sheet.TextureFormats);
            AssertSame(image.Texture!.Levels[level].DecodeRgba(), sheet, 1, $"level {level}");
        }
    }

    [Fact]
    public void Given_the_same_blocks_as_srgb_and_as_unorm_When_shown_1_to_1_they_match_and_when_minified_srgb_averages_light_and_is_brighter()
    {
        // Given a black and white checker of one-texel squares, stored as BC1 UNORM and as BC1 UNORM_SRGB
        var checker = new byte[Size * Size * 4];
        for (var i = 0; i < Size * Size; i++)
        {
            var white = (i % Size + i / Size) % 2 == 0;
            checker.AsSpan(i * 4, 3).Fill(white ? (byte)255 : (byte)0);
            checker[i * 4 + 3] = 255;
        }
        var unorm = Load(Write("unorm.dds", DxgiFormats.Bc1Unorm, mips: 1, checker));
        var srgb = Load(Write("srgb.dds", DxgiFormats.Bc1UnormSrgb, mips: 1, checker));

        // When both are drawn at one texel per pixel
        // Then both show the stored values, as a PNG of the checker does
        AssertSame(checker, HeadlessRenderer.RenderSheet([new ViewerPair(unorm, null)], ViewMode.Single, Size), 1, "unorm 1:1");
        AssertSame(checker, HeadlessRenderer.RenderSheet([new ViewerPair(srgb, null)], ViewMode.Single, Size), 1, "srgb 1:1");

        // When both are drawn at half size, where the linear filter averages each 2x2 of black and white
        foreach (var upload in new[] { BlockUpload.Direct, BlockUpload.Decoded })
        {
            var unormMean = Mean(HeadlessRenderer.RenderSheet([new ViewerPair(unorm, null)], ViewMode.Single, Size / 2, 0, upload));
            var srgbMean = Mean(HeadlessRenderer.RenderSheet([new ViewerPair(srgb, null)], ViewMode.Single, Size / 2, 0, upload));

            // Then UNORM averages the stored values (128) and sRGB averages light, which encodes to 188
            Assert.InRange(unormMean, 122, 134);
            Assert.InRange(srgbMean, 182, 194);
        }
    }

    [Fact]
    public void Given_a_dds_cube_map_When_viewed_Then_the_file_is_named_as_not_shown_in_converts_words()
    {
        // Given a DDS whose header says cube map
        var path = Write("sky.dds", DxgiFormats.Bc1Unorm, mips: 1, new byte[Size * Size * 4]);
        var content = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(content.AsSpan(112), 0x200);
        File.WriteAllBytes(path, content);

        // When view loads it
        var pairs = ViewerImageSource.Load(path, null, 64, TextureCodec.DefaultMaxPixels, _warnings.Add);

        // Then nothing is shown and the warning names the file and the kind
        Assert.Empty(pairs);
        Assert.Equal([$"{Path.GetFullPath(path)}: not shown: unsupported format (DDS cube maps are not supported yet)"], _warnings);
    }

    private string Write(string name, int dxgi, int mips, byte[] rgba)
    {
        var path = _temp.Combine(name);
        using var stream = File.Create(path);
        DdsWriter.Write(stream, DxgiFormats.Describe(dxgi)!, mips, rgba, Size, Size, BcQuality.Fast);
        return path;
    }

    private ViewerImage Load(string path)
    {
        var pairs = ViewerImageSource.Load(path, null, 64, TextureCodec.DefaultMaxPixels, _warnings.Add);
        Assert.Empty(_warnings);
        return Assert.Single(pairs).Before;
    }

    private static void AssertSame(byte[] expected, RenderedSheet sheet, int tolerance, string what)
    {
        Assert.Equal(expected.Length, sheet.Rgba.Length);
        for (var i = 0; i < expected.Length; i += 4)
        {
            for (var c = 0; c < 3; c++)
            {
                var difference = Math.Abs(expected[i + c] - sheet.Rgba[i + c]);
                Assert.True(difference <= tolerance,
                    $"{what}: pixel {i / 4 % sheet.Width},{i / 4 / sheet.Width} channel {c} is {sheet.Rgba[i + c]}, the decoder's is {expected[i + c]}");
            }
        }
    }

    private static double Mean(RenderedSheet sheet) =>
        Enumerable.Range(0, sheet.Width * sheet.Height).Average(p => (sheet.Rgba[p * 4] + sheet.Rgba[p * 4 + 1] + sheet.Rgba[p * 4 + 2]) / 3.0);
}
