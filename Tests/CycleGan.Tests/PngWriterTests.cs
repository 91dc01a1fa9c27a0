using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using StyleForge.Plugins.GanKit.Reporting;

namespace StyleForge.CycleGan.Tests;

/// <summary>The plugin's own PNG encoder produces files an independent decoder reads back exactly.</summary>
public sealed class PngWriterTests
{
    [Fact]
    public void Encoded_png_decodes_to_the_same_pixels()
    {
        // Given a 5x3 RGB image with distinct pixels
        var rgb = new byte[5 * 3 * 3];
        for (var i = 0; i < rgb.Length; i++)
        {
            rgb[i] = (byte)(i * 17 % 256);
        }

        // When it is encoded and decoded with ImageSharp
        using var image = Image.Load<Rgb24>(PngWriter.Encode(5, 3, rgb));

        // Then size and every pixel match
        Assert.Equal((5, 3), (image.Width, image.Height));
        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                var o = ((y * 5) + x) * 3;
                Assert.Equal(new Rgb24(rgb[o], rgb[o + 1], rgb[o + 2]), image[x, y]);
            }
        }
    }
}
