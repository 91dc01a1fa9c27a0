namespace StyleForge.Engine.Sampling;

/// <summary>
/// A small seeded generator (SplitMix64, Steele et al. 2014). Written out here rather than using
/// System.Random so that sample data stays bit-identical across .NET versions and platforms.
/// </summary>
public sealed class SceneRandom
{
    private ulong _state;

    public SceneRandom(ulong seed) => _state = seed;

    /// <summary>The SplitMix64 output function: a bijection on 64 bits, so distinct inputs give distinct outputs.</summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Range(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [min, max].</summary>
    public int Between(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Between(0, items.Count - 1)];
}
