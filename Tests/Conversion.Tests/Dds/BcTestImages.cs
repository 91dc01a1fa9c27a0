namespace StyleForge.Conversion.Tests.Dds;

/// <summary>Small RGBA test images for the block codec: smooth colour, hard edges, fine noise and graded alpha.</summary>
internal static class BcTestImages
{
    /// <summary>A <paramref name="width"/> x <paramref name="height"/> RGBA image; alpha has a cut-out band and a ramp when <paramref name="alpha"/>.</summary>
    public static byte[] Rgba(int width, int height, bool alpha)
    {
        var random = new Random(14);
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 4;
                var edge = (x / 6 + y / 5) % 2 == 0 ? 40 : 0;
                rgba[i] = (byte)Math.Clamp(255 * x / width + edge + random.Next(-6, 7), 0, 255);
                rgba[i + 1] = (byte)Math.Clamp(255 * y / height - edge + random.Next(-6, 7), 0, 255);
                rgba[i + 2] = (byte)Math.Clamp(128 + 60 * Math.Sin(x * 0.4) + random.Next(-6, 7), 0, 255);
                rgba[i + 3] = !alpha ? (byte)255 : x < 4 ? (byte)0 : (byte)Math.Clamp(60 + 195 * y / height, 0, 255);
            }
        }
        return rgba;
    }

    /// <summary>Peak signal-to-noise ratio in dB over the given channels of two RGBA images.</summary>
    public static double Psnr(byte[] a, byte[] b, int firstChannel = 0, int channels = 3)
    {
        double sum = 0;
        long count = 0;
        for (var p = 0; p < a.Length; p += 4)
        {
            for (var c = firstChannel; c < firstChannel + channels; c++)
            {
                var d = a[p + c] - b[p + c];
                sum += d * d;
                count++;
            }
        }
        return sum == 0 ? 99 : 10 * Math.Log10(255.0 * 255.0 / (sum / count));
    }

    /// <summary>The largest difference of any channel among <paramref name="channels"/> between two RGBA images.</summary>
    public static int MaxDifference(byte[] a, byte[] b, int channels = 4)
    {
        var max = 0;
        for (var p = 0; p < a.Length; p += 4)
        {
            for (var c = 0; c < channels; c++)
            {
                max = Math.Max(max, Math.Abs(a[p + c] - b[p + c]));
            }
        }
        return max;
    }
}
