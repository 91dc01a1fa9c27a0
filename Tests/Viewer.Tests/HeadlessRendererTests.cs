namespace StyleForge.Viewer.Tests;

[Collection(VulkanCollection.Name)]
public sealed class HeadlessRendererTests
{
    // UNORM rounding on the GPU may differ from the CPU by one step.
    private const int Tolerance = 2;

    private static readonly ViewerImage Before = TestImages.Gradient("a/before.png", 16, 16, blue: 40);
    private static readonly ViewerImage After = TestImages.Generate("a/after.png", 16, 16,
        (x, y) => ((byte)(255 - x * 16), (byte)(y * 16), 200, 255));

    [Fact]
    public void Side_mode_puts_before_left_and_after_right_scaled_with_nearest_texels()
    {
        // Given one 16x16 pair and 64 px cells, so each texel covers 4x4 pixels
        // When the sheet is rendered side by side
        var sheet = HeadlessRenderer.RenderSheet([new ViewerPair(Before, After)], ViewMode.Side, 64);

        // Then the left cell is the before texture and the right cell the after texture
        var expected = new ExpectedSheet(128, 64);
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 128; x++)
            {
                var image = x < 64 ? Before : After;
                expected.Set(x, y, Rgb(TestImages.Texel(image, x % 64 / 4, y / 4)));
            }
        }
        expected.AssertMatches(sheet, Tolerance);
    }

    [Fact]
    public void Split_mode_shows_before_left_of_the_middle_and_after_right_of_it()
    {
        // Given one 16x16 pair and a 64 px cell
        // When the sheet is rendered in split mode
        var sheet = HeadlessRenderer.RenderSheet([new ViewerPair(Before, After)], ViewMode.Split, 64);

        // Then both halves show the same texel positions, from before on the left and after on the right
        var expected = new ExpectedSheet(64, 64);
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                expected.Set(x, y, Rgb(TestImages.Texel(x < 32 ? Before : After, x / 4, y / 4)));
            }
        }
        expected.AssertMatches(sheet, Tolerance);
    }

    [Fact]
    public void A_conversion_at_half_resolution_lines_up_with_its_source_in_split_mode()
    {
        // Given a 16x16 texture and an 8x8 conversion of it
        var half = TestImages.Generate("a/half.png", 8, 8, (x, y) => ((byte)(x * 30), 100, (byte)(y * 30), 255));

        // When the pair is split in a 64 px cell
        var sheet = HeadlessRenderer.RenderSheet([new ViewerPair(Before, half)], ViewMode.Split, 64);

        // Then the after half is stretched over the before image's frame: 8 px per after texel
        var expected = new ExpectedSheet(64, 64);
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                expected.Set(x, y, Rgb(x < 32 ? TestImages.Texel(Before, x / 4, y / 4) : TestImages.Texel(half, x / 8, y / 8)));
            }
        }
        expected.AssertMatches(sheet, Tolerance);
    }

    [Fact]
    public void Tile_mode_repeats_the_converted_texture_three_times_each_way()
    {
        // Given a 16x16 pair and a 96 px cell, so the 3x3 tiling (48 texels) is drawn at 2 px per texel
        // When the sheet is rendered in tile mode
        var sheet = HeadlessRenderer.RenderSheet([new ViewerPair(Before, After)], ViewMode.Tile, 96);

        // Then every pixel shows the after texel at its position modulo the texture size
        var expected = new ExpectedSheet(96, 96);
        for (var y = 0; y < 96; y++)
        {
            for (var x = 0; x < 96; x++)
            {
                expected.Set(x, y, Rgb(TestImages.Texel(After, x / 2 % 16, y / 2 % 16)));
            }
        }
        expected.AssertMatches(sheet, Tolerance);
        // And the three copies are the same, which is what makes seams visible
        Assert.Equal(Pixel(sheet, 5, 7), Pixel(sheet, 37, 7));
        Assert.Equal(Pixel(sheet, 5, 7), Pixel(sheet, 69, 71));
    }

    [Fact]
    public void Single_mode_letterboxes_wide_images_and_draws_alpha_over_a_checkerboard()
    {
        // Given an 8x4 image whose left half is transparent, whose texel (5,1) is half transparent
        var image = TestImages.Generate("wide.png", 8, 4, (x, y) => x < 4 ? ((byte)200, (byte)10, (byte)10, (byte)0)
            : x == 5 && y == 1 ? ((byte)0, (byte)0, (byte)255, (byte)128) : ((byte)10, (byte)(60 * y), (byte)90, (byte)255));

        // When it is rendered alone into a 64 px cell (8 px per texel, image rows 16..47)
        var sheet = HeadlessRenderer.RenderSheet([new ViewerPair(image, null)], ViewMode.Single, 64);

        // Then the bands above and below are background, transparent texels show the 8 px checkerboard,
        // and partly transparent texels blend with it
        var expected = new ExpectedSheet(64, 64);
        for (var y = 16; y < 48; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var texel = TestImages.Texel(image, x / 8, (y - 16) / 8);
                var board = (x / 8 + y / 8) % 2 == 0 ? 204 : 153;
                var alpha = texel.A / 255.0;
                byte Blend(byte c) => (byte)Math.Round(board * (1 - alpha) + c * alpha);
                expected.Set(x, y, (Blend(texel.R), Blend(texel.G), Blend(texel.B)));
            }
        }
        expected.AssertMatches(sheet, Tolerance);
    }

    [Fact]
    public void Several_pairs_fill_a_grid_row_by_row_and_leave_empty_slots_as_background()
    {
        // Given three pairs of solid colours
        var colors = new[] { ((byte)255, (byte)0, (byte)0), ((byte)0, (byte)255, (byte)0), ((byte)0, (byte)0, (byte)255) };
        var pairs = colors.Select((c, i) => new ViewerPair(
            TestImages.Solid($"{i}.png", 8, 8, c.Item1, c.Item2, c.Item3),
            TestImages.Solid($"{i}.png", 8, 8, (byte)(255 - c.Item1), (byte)(255 - c.Item2), (byte)(255 - c.Item3)))).ToList();

        // When they are rendered side by side with 32 px cells
        var sheet = HeadlessRenderer.RenderSheet(pairs, ViewMode.Side, 32);

        // Then they fill a 2x2 grid of 64x32 items, the fourth slot left as background
        var expected = new ExpectedSheet(128, 64);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (ox, oy) = (i % 2 * 64, i / 2 * 32);
            for (var y = 0; y < 32; y++)
            {
                for (var x = 0; x < 64; x++)
                {
                    var image = x < 32 ? pairs[i].Before : pairs[i].After!;
                    expected.Set(ox + x, oy + y, Rgb(TestImages.Texel(image, 0, 0)));
                }
            }
        }
        expected.AssertMatches(sheet, Tolerance);
    }

    [Fact]
    public void A_4096_texture_is_uploaded_and_minified_with_linear_filtering()
    {
        // Given a 4096x4096 texture made of 16x16 blocks, block (i,j) coloured (i,j,77)
        var big = TestImages.Generate("big.png", 4096, 4096, (x, y) => ((byte)(x / 16), (byte)(y / 16), 77, 255));

        // When it is drawn into a 256 px cell (16 texels per pixel, sampled between two texels of one block)
        var sheet = HeadlessRenderer.RenderSheet([new ViewerPair(big, null)], ViewMode.Single, 256);

        // Then pixel (x,y) shows block (x,y)
        var expected = new ExpectedSheet(256, 256);
        for (var y = 0; y < 256; y++)
        {
            for (var x = 0; x < 256; x++)
            {
                expected.Set(x, y, ((byte)x, (byte)y, 77));
            }
        }
        expected.AssertMatches(sheet, Tolerance);
    }

    [Fact]
    public void Pixels_that_do_not_match_the_size_are_rejected_before_vulkan_starts()
    {
        // Given an image that claims 4x4 but carries 3 bytes
        var broken = new ViewerImage("broken.png", 4, 4, new byte[3]);

        // When it is rendered, Then the error names the image and both sizes
        var e = Assert.Throws<ArgumentException>(() => HeadlessRenderer.RenderSheet([new ViewerPair(broken, null)], ViewMode.Single, 8));
        Assert.Contains("broken.png", e.Message);
        Assert.Contains("64", e.Message);
    }

    [Fact]
    public void A_texture_with_its_own_levels_shows_the_level_asked_for_and_its_last_when_asked_for_more()
    {
        // Given a 16x16 texture whose three levels are red, green and blue
        var texture = TestImages.WithLevels("wall.dds", 16, (255, 0, 0), (0, 255, 0), (0, 0, 255));

        foreach (var (level, expected) in new[] { (0, (255, 0, 0)), (1, (0, 255, 0)), (2, (0, 0, 255)), (7, (0, 0, 255)) })
        {
            // When level L is rendered into a 16 px cell
            var sheet = HeadlessRenderer.RenderSheet([new ViewerPair(texture, null)], ViewMode.Single, 16, level);

            // Then the whole cell is that level's colour, uploaded as stored
            var cell = new ExpectedSheet(16, 16);
            for (var y = 0; y < 16; y++)
            {
                for (var x = 0; x < 16; x++)
                {
                    cell.Set(x, y, ((byte)expected.Item1, (byte)expected.Item2, (byte)expected.Item3));
                }
            }
            cell.AssertMatches(sheet, Tolerance);
            Assert.Equal(["VK_FORMAT_R8G8B8A8_UNORM"], sheet.TextureFormats);
        }
    }

    [Fact]
    public void A_texture_over_the_device_limit_is_rejected_naming_the_file()
    {
        // Given a 65537x1 image, wider than any Vulkan device's maxImageDimension2D
        var wide = TestImages.Solid("strip.png", 65537, 1, 1, 2, 3);

        // When it is rendered, Then the error names the file and the device's limit
        var e = Assert.Throws<ArgumentException>(() => HeadlessRenderer.RenderSheet([new ViewerPair(wide, null)], ViewMode.Single, 8));
        Assert.Contains("strip.png", e.Message);
        Assert.Contains("texture limit", e.Message);
    }

    private static (byte R, byte G, byte B) Rgb((byte R, byte G, byte B, byte A) texel) => (texel.R, texel.G, texel.B);

    private static (byte, byte, byte, byte) Pixel(RenderedSheet sheet, int x, int y)
    {
        var i = (y * sheet.Width + x) * 4;
        return (sheet.Rgba[i], sheet.Rgba[i + 1], sheet.Rgba[i + 2], sheet.Rgba[i + 3]);
    }
}
