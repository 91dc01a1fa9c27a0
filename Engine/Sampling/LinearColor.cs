namespace StyleForge.Engine.Sampling;

/// <summary>A colour in linear light, so lighting can multiply and add it; encoded to sRGB only when written.</summary>
public readonly record struct LinearColor(double R, double G, double B)
{
    public static LinearColor Black => new(0, 0, 0);

    /// <summary>From sRGB-encoded components in [0, 1], the way palettes are picked by eye.</summary>
    public static LinearColor FromSrgb(double r, double g, double b) => new(Decode(r), Decode(g), Decode(b));

    public static LinearColor operator +(LinearColor a, LinearColor b) => new(a.R + b.R, a.G + b.G, a.B + b.B);

    public static LinearColor operator *(LinearColor a, LinearColor b) => new(a.R * b.R, a.G * b.G, a.B * b.B);

    public static LinearColor operator *(LinearColor a, double k) => new(a.R * k, a.G * k, a.B * k);

    public static LinearColor Lerp(LinearColor a, LinearColor b, double t) => a + (b + a * -1) * t;

    public static double Encode(double linear)
    {
        linear = Math.Clamp(linear, 0, 1);
        return linear <= 0.0031308 ? linear * 12.92 : 1.055 * Math.Pow(linear, 1 / 2.4) - 0.055;
    }

    private static double Decode(double v) => v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
}
