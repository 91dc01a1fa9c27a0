namespace StyleForge.Plugins.ColorTransfer;

/// <summary>
/// The decorrelated lαβ space of Reinhard et al. 2001 ("Color Transfer between Images"):
/// linear RGB to LMS cone space, log10, then a rotation that separates luminance (l) from a
/// yellow-blue (α) and a red-green (β) opponent axis. Its channels are close to uncorrelated for
/// natural images, so matching each channel's mean and spread on its own is meaningful.
/// </summary>
internal static class LabColorSpace
{
    /// <summary>
    /// Lower bound on LMS before the log: black pixels would otherwise map to -infinity. 1e-4 is
    /// below the darkest non-zero 8-bit sRGB value in linear light (about 3e-4).
    /// </summary>
    private const double LmsFloor = 1e-4;

    private static readonly double InvSqrt3 = 1 / Math.Sqrt(3);
    private static readonly double InvSqrt6 = 1 / Math.Sqrt(6);
    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

    /// <summary>Converts one sRGB-encoded pixel (values in [0, 1]) to lαβ.</summary>
    public static (double L, double Alpha, double Beta) FromSrgb(double r, double g, double b)
    {
        var rl = SrgbToLinear(r);
        var gl = SrgbToLinear(g);
        var bl = SrgbToLinear(b);
        // RGB to LMS, the matrix of Reinhard et al. 2001, eq. 4 (RGB to XYZ to LMS combined).
        var l = Math.Log10(Math.Max(LmsFloor, 0.3811 * rl + 0.5783 * gl + 0.0402 * bl));
        var m = Math.Log10(Math.Max(LmsFloor, 0.1967 * rl + 0.7244 * gl + 0.0782 * bl));
        var s = Math.Log10(Math.Max(LmsFloor, 0.0241 * rl + 0.1288 * gl + 0.8444 * bl));
        return ((l + m + s) * InvSqrt3, (l + m - 2 * s) * InvSqrt6, (l - m) * InvSqrt2);
    }

    /// <summary>Converts lαβ back to sRGB-encoded values, clamped to [0, 1].</summary>
    public static (double R, double G, double B) ToSrgb(double lum, double alpha, double beta)
    {
        var a = lum * InvSqrt3;
        var b = alpha * InvSqrt6;
        var c = beta * InvSqrt2;
        var l = Math.Pow(10, a + b + c);
        var m = Math.Pow(10, a + b - c);
        var s = Math.Pow(10, a - 2 * b);
        // LMS to RGB, the inverse matrix given in the same paper (eq. 9).
        var r = 4.4679 * l - 3.5873 * m + 0.1193 * s;
        var g = -1.2186 * l + 2.3809 * m - 0.1624 * s;
        var bl = 0.0497 * l - 0.2439 * m + 1.2045 * s;
        return (LinearToSrgb(r), LinearToSrgb(g), LinearToSrgb(bl));
    }

    private static double SrgbToLinear(double v)
    {
        v = Math.Clamp(v, 0, 1);
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    private static double LinearToSrgb(double v)
    {
        v = Math.Clamp(v, 0, 1);
        return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.Pow(v, 1 / 2.4) - 0.055;
    }
}
