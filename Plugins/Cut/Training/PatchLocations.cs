using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.Plugins.Cut.Training;

/// <summary>
/// Draws the patch locations PatchNCE compares: for each layer, up to <c>count</c> distinct flat positions of its
/// feature map, uniformly at random (the reference's randperm prefix). Drawn from the run's <see cref="TrainingRandom"/>,
/// so a seed fixes them and a resumed run continues the same sequence.
/// </summary>
internal static class PatchLocations
{
    /// <summary>Locations for each of <paramref name="features"/> ([B, C, H, W]), as int64 index tensors on their device.</summary>
    public static IReadOnlyList<Tensor> Draw(IReadOnlyList<Tensor> features, int count, TrainingRandom random) =>
        features.Select(f => tensor(Draw((int)(f.shape[2] * f.shape[3]), count, random), dtype: ScalarType.Int64, device: f.device)).ToList();

    /// <summary>min(<paramref name="count"/>, <paramref name="positions"/>) distinct positions out of <paramref name="positions"/>, in draw order.</summary>
    public static long[] Draw(int positions, int count, TrainingRandom random)
    {
        var taken = Math.Min(count, positions);
        // A partial Fisher-Yates shuffle over a lazily materialised identity permutation: O(taken) work and memory.
        var swapped = new Dictionary<int, int>();
        var result = new long[taken];
        for (var i = 0; i < taken; i++)
        {
            var j = i + random.NextInt(positions - i);
            var atJ = swapped.GetValueOrDefault(j, j);
            swapped[j] = swapped.GetValueOrDefault(i, i);
            result[i] = atJ;
        }
        return result;
    }
}
