namespace StyleForge.Engine.Sampling;

/// <summary>Smooth, seeded value noise for surface grime: hashed lattice values, smoothly interpolated.</summary>
public sealed class ValueNoise
{
    private readonly ulong _seed;

    public ValueNoise(ulong seed) => _seed = SceneRandom.Mix(seed ^ 0x5EED5EED5EED5EEDUL);

    /// <summary>A value in [0, 1) fixed for a lattice cell.</summary>
    public double Hash(double x, double y)
    {
        var key = _seed ^ SceneRandom.Mix((ulong)(long)x * 0x9E3779B97F4A7C15UL ^ (ulong)(long)y);
        return (SceneRandom.Mix(key) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Two octaves of smoothed lattice noise, in [0, 1].</summary>
    public double Fractal(double x, double y) => 0.65 * Smooth(x, y) + 0.35 * Smooth(x * 2.7 + 17, y * 2.7 + 5);

    private double Smooth(double x, double y)
    {
        var x0 = Math.Floor(x);
        var y0 = Math.Floor(y);
        var fx = Fade(x - x0);
        var fy = Fade(y - y0);
        var top = Lerp(Hash(x0, y0), Hash(x0 + 1, y0), fx);
        var bottom = Lerp(Hash(x0, y0 + 1), Hash(x0 + 1, y0 + 1), fx);
        return Lerp(top, bottom, fy);
    }

    private static double Fade(double t) => t * t * (3 - 2 * t);

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;
}
