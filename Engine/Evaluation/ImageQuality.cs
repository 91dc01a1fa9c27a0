using StyleForge.Plugins;

namespace StyleForge.Engine.Evaluation;

/// <summary>
/// Full-reference image quality: PSNR over the RGB values and SSIM on luminance, both on the
/// sRGB-encoded values in [0, 1] as stored in the files.
/// </summary>
public static class ImageQuality
{
    /// <summary>The PSNR reported for identical images, where the formula gives infinity (JSON has no infinity).</summary>
    public const double IdenticalPsnr = 100;

    // SSIM constants of Wang et al. 2004: K1 = 0.01, K2 = 0.03, dynamic range L = 1.
    private const double C1 = 0.01 * 0.01;
    private const double C2 = 0.03 * 0.03;

    /// <summary>The Gaussian window of Wang et al. 2004: 11 x 11 taps, sigma 1.5.</summary>
    private const int WindowSize = 11;
    private const double WindowSigma = 1.5;

    /// <summary>Peak signal-to-noise ratio in dB over all RGB values with peak 1: 10 log10(1 / MSE).</summary>
    public static double Psnr(TextureBuffer prediction, TextureBuffer truth)
    {
        RequireSameSize(prediction, truth);
        var a = Rgb(prediction);
        var b = Rgb(truth);
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = (double)a[i] - b[i];
            sum += d * d;
        }
        var mse = sum / a.Length;
        return mse <= 1e-10 ? IdenticalPsnr : Math.Min(IdenticalPsnr, 10 * Math.Log10(1 / mse));
    }

    /// <summary>
    /// Mean SSIM of the luminance (Rec. 601 Y = 0.299 R + 0.587 G + 0.114 B, as MATLAB's rgb2gray)
    /// with the 11 x 11, sigma 1.5 Gaussian window, over the positions where the window fits
    /// entirely ("valid"). Textures smaller than the window use the largest odd window that fits.
    /// </summary>
    public static double Ssim(TextureBuffer prediction, TextureBuffer truth)
    {
        RequireSameSize(prediction, truth);
        var width = prediction.Width;
        var height = prediction.Height;
        var x = Luminance(prediction);
        var y = Luminance(truth);
        var size = Math.Min(WindowSize, Math.Min(width, height));
        if (size % 2 == 0)
        {
            size--;
        }
        var kernel = Gaussian(size);

        var xx = new double[x.Length];
        var yy = new double[x.Length];
        var xy = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        var muX = Filter(x, width, height, kernel);
        var muY = Filter(y, width, height, kernel);
        var sXX = Filter(xx, width, height, kernel);
        var sYY = Filter(yy, width, height, kernel);
        var sXY = Filter(xy, width, height, kernel);

        var sum = 0.0;
        for (var i = 0; i < muX.Length; i++)
        {
            var mx = muX[i];
            var my = muY[i];
            var varX = sXX[i] - mx * mx;
            var varY = sYY[i] - my * my;
            var cov = sXY[i] - mx * my;
            sum += (2 * mx * my + C1) * (2 * cov + C2) / ((mx * mx + my * my + C1) * (varX + varY + C2));
        }
        return sum / muX.Length;
    }

    public static void RequireSameSize(TextureBuffer prediction, TextureBuffer truth)
    {
        if (prediction.Width != truth.Width || prediction.Height != truth.Height)
        {
            throw new InvalidDataException(
                $"size differs: prediction {prediction.Width}x{prediction.Height}, truth {truth.Width}x{truth.Height}");
        }
    }

    /// <summary>RGB values, with gray expanded to three channels and alpha dropped.</summary>
    private static float[] Rgb(TextureBuffer texture)
    {
        var count = texture.Width * texture.Height;
        var rgb = new float[count * 3];
        for (var i = 0; i < count; i++)
        {
            var o = i * texture.Channels;
            for (var c = 0; c < 3; c++)
            {
                rgb[i * 3 + c] = texture.Pixels[o + (texture.Channels >= 3 ? c : 0)];
            }
        }
        return rgb;
    }

    /// <summary>Rec. 601 luminance of every pixel, row by row, on the stored (sRGB) values: the Y that SSIM and the light metrics use.</summary>
    public static double[] Luminance(TextureBuffer texture)
    {
        var rgb = Rgb(texture);
        var y = new double[texture.Width * texture.Height];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = 0.299 * rgb[i * 3] + 0.587 * rgb[i * 3 + 1] + 0.114 * rgb[i * 3 + 2];
        }
        return y;
    }

    private static double[] Gaussian(int size)
    {
        var kernel = new double[size];
        var center = size / 2;
        var total = 0.0;
        for (var i = 0; i < size; i++)
        {
            kernel[i] = Math.Exp(-((i - center) * (i - center)) / (2 * WindowSigma * WindowSigma));
            total += kernel[i];
        }
        for (var i = 0; i < size; i++)
        {
            kernel[i] /= total;
        }
        return kernel;
    }

    /// <summary>Separable "valid" filtering: the output has (width - size + 1) x (height - size + 1) values.</summary>
    private static double[] Filter(double[] image, int width, int height, double[] kernel)
    {
        var size = kernel.Length;
        var outWidth = width - size + 1;
        var outHeight = height - size + 1;
        var rows = new double[outWidth * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < outWidth; x++)
            {
                var sum = 0.0;
                for (var k = 0; k < size; k++)
                {
                    sum += kernel[k] * image[y * width + x + k];
                }
                rows[y * outWidth + x] = sum;
            }
        }
        var result = new double[outWidth * outHeight];
        for (var y = 0; y < outHeight; y++)
        {
            for (var x = 0; x < outWidth; x++)
            {
                var sum = 0.0;
                for (var k = 0; k < size; k++)
                {
                    sum += kernel[k] * rows[(y + k) * outWidth + x];
                }
                result[y * outWidth + x] = sum;
            }
        }
        return result;
    }
}
