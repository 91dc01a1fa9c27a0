using StyleForge.Engine.Evaluation;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.EndToEnd.Tests;

public sealed class ImageQualityTests
{
    private static TextureBuffer Gray(int size, Func<int, int, float> value)
    {
        var texture = new TextureBuffer(size, size, 3);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    texture.Pixels[texture.IndexOf(x, y, c)] = value(x, y);
                }
            }
        }
        return texture;
    }

    [Fact]
    public void Psnr_of_a_uniform_error_of_one_tenth_is_20_dB()
    {
        // Given two flat images 0.1 apart everywhere: MSE = 0.01, so PSNR = 10 log10(1 / 0.01) = 20 dB.
        var psnr = ImageQuality.Psnr(Gray(16, (_, _) => 0.5f), Gray(16, (_, _) => 0.6f));

        Assert.Equal(20.0, psnr, 4);
    }

    [Fact]
    public void Psnr_averages_the_squared_error_over_every_pixel()
    {
        // Given an error of 0.1 on half the columns: MSE = 0.01 / 2 = 0.005, PSNR = 10 log10(200) = 23.0103 dB.
        var psnr = ImageQuality.Psnr(Gray(16, (_, _) => 0.5f), Gray(16, (x, _) => x < 8 ? 0.6f : 0.5f));

        Assert.Equal(23.0103, psnr, 3);
    }

    [Fact]
    public void Identical_images_score_the_documented_cap_and_an_SSIM_of_one()
    {
        var image = Gray(24, (x, y) => (x * 7 + y * 3) % 11 / 10f);

        Assert.Equal(ImageQuality.IdenticalPsnr, ImageQuality.Psnr(image, image));
        Assert.Equal(1.0, ImageQuality.Ssim(image, image), 9);
    }

    [Fact]
    public void Ssim_of_two_flat_images_is_the_luminance_term_alone()
    {
        // Given flat images at 0.5 and 0.25: variances and covariance are 0, so the contrast-structure
        // term is C2 / C2 = 1 and SSIM = (2 * 0.5 * 0.25 + C1) / (0.25 + 0.0625 + C1) with C1 = 1e-4,
        // which is 0.2501 / 0.3126 = 0.800064.
        var ssim = ImageQuality.Ssim(Gray(16, (_, _) => 0.5f), Gray(16, (_, _) => 0.25f));

        Assert.Equal(0.2501 / 0.3126, ssim, 6);
    }

    [Fact]
    public void Ssim_uses_luminance_so_a_pure_hue_swap_of_equal_luma_scores_near_one()
    {
        // Given red vs a gray of the same Rec. 601 luma (0.299): the luminance images are identical.
        var red = new TextureBuffer(16, 16, 3);
        var gray = new TextureBuffer(16, 16, 3);
        for (var i = 0; i < 16 * 16; i++)
        {
            red.Pixels[i * 3] = 1f;
            gray.Pixels[i * 3] = gray.Pixels[i * 3 + 1] = gray.Pixels[i * 3 + 2] = 0.299f;
        }

        Assert.Equal(1.0, ImageQuality.Ssim(red, gray), 5);
        Assert.True(ImageQuality.Psnr(red, gray) < 10, "PSNR works on RGB and must see the colour difference");
    }

    [Fact]
    public void Textures_smaller_than_the_window_are_scored_with_a_smaller_window()
    {
        var ssim = ImageQuality.Ssim(Gray(6, (_, _) => 0.5f), Gray(6, (_, _) => 0.25f));

        Assert.Equal(0.2501 / 0.3126, ssim, 6);
    }

    [Fact]
    public void Different_sizes_are_refused_with_both_sizes_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageQuality.Psnr(Gray(8, (_, _) => 0), Gray(16, (_, _) => 0)));

        Assert.Contains("8x8", error.Message);
        Assert.Contains("16x16", error.Message);
    }
}
