namespace StyleForge.Engine.Sampling;

/// <summary>What to generate. The defaults suit a CPU training run of a few minutes.</summary>
/// <param name="Size">Side of every texture in pixels.</param>
/// <param name="TrainCount">Textures in each of trainA and trainB.</param>
/// <param name="TestCount">Held-out scenes in testA and testB_truth.</param>
/// <param name="Seed">Selects the scenes; the same parameters always give the same files.</param>
public sealed record SampleParameters(int Size = SampleParameters.DefaultSize, int TrainCount = SampleParameters.DefaultTrainCount,
    int TestCount = SampleParameters.DefaultTestCount, int Seed = 0)
{
    /// <summary>64 px keeps a CycleGAN iteration cheap on a CPU while windows stay several pixels wide.</summary>
    public const int DefaultSize = 64;
    public const int DefaultTrainCount = 200;
    public const int DefaultTestCount = 20;
    public const int MinimumSize = 16;
    public const int MaximumSize = 1024;

    /// <summary>Null when usable, else what is wrong, naming the option.</summary>
    public string? Problem() =>
        Size < MinimumSize || Size > MaximumSize ? $"size must be {MinimumSize} to {MaximumSize} pixels, got {Size}"
        : TrainCount < 1 ? $"count must be at least 1, got {TrainCount}"
        : TestCount < 1 ? $"test count must be at least 1, got {TestCount}"
        : null;
}
