namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): the random source for crops, flips, texture choice and the
/// image pool. Its whole state is one number, so a checkpoint can store it and a resumed run draws the
/// same sequence an uninterrupted one would.
/// </summary>
internal sealed class TrainingRandom
{
    public TrainingRandom(ulong state) => State = state;

    /// <summary>The full generator state; assign a saved value to continue its sequence.</summary>
    public ulong State { get; private set; }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>).</summary>
    public int NextInt(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    /// <summary>A fair coin.</summary>
    public bool NextBool() => (Next() >> 63) == 1;

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    private ulong Next()
    {
        State += 0x9E3779B97F4A7C15UL;
        var z = State;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
