using StyleForge.Plugins.GanKit.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// An exponential moving average of generator weights (the ema_decay option): after every applied update each
/// averaged weight moves a fraction (1 - decay) of the way to the trained one, and the average, not the last
/// iteration's weights, is what the run exports. A GAN's generator keeps moving as its discriminator does, so the
/// last weights are one point of a swing; their average is steadier (Karras et al. 2018, Yazici et al. 2019).
/// Early on the decay is held at (1 + n) / (10 + n) after n updates, so the average is not anchored to the random
/// initialisation. The averages are networks of their own, saved in checkpoints beside the trained ones.
/// </summary>
internal sealed class GeneratorAverage : IDisposable
{
    private readonly double _decay;
    private readonly IReadOnlyList<(string Name, ResnetGenerator Trained, ResnetGenerator Average)> _generators;

    /// <summary>Starts averages equal to <paramref name="trained"/>'s current weights, on the same device.</summary>
    public GeneratorAverage(double decay, IReadOnlyList<(string Name, ResnetGenerator Generator)> trained, Device device)
    {
        if (decay is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "an average needs a decay between 0 and 1 (exclusive)");
        }
        _decay = decay;
        _generators = trained.Select(t => (t.Name + Suffix, t.Generator, Copy(t.Generator, device))).ToList();
    }

    /// <summary>Appended to a trained generator's checkpoint name for its average: G_A's is G_A_ema.</summary>
    public const string Suffix = "_ema";

    /// <summary>Applied updates averaged so far; the training loop sets it to the iteration it starts from (a resumed run's checkpoint).</summary>
    public long Updates { get; set; }

    /// <summary>The averages with their checkpoint names, to save and restore beside the trained networks.</summary>
    public IEnumerable<(string Name, nn.Module Module)> Networks => _generators.Select(g => (g.Name, (nn.Module)g.Average));

    /// <summary>The average of <paramref name="trained"/>: the generator to export in its place.</summary>
    public ResnetGenerator AverageOf(ResnetGenerator trained) =>
        _generators.First(g => ReferenceEquals(g.Trained, trained)).Average;

    /// <summary>The decay the next update uses: <c>min(decay, (1 + n) / (10 + n))</c> after n updates.</summary>
    public double NextDecay => Math.Min(_decay, (1.0 + Updates) / (10.0 + Updates));

    /// <summary>Moves every average towards its trained generator; call once after each applied update.</summary>
    public void Update()
    {
        var decay = NextDecay;
        using (no_grad())
        {
            foreach (var (_, trained, average) in _generators)
            {
                foreach (var (target, source) in average.parameters().Zip(trained.parameters()))
                {
                    // average = decay * average + (1 - decay) * trained
                    target.lerp_(source, 1 - decay);
                }
            }
        }
        Updates++;
    }

    private static ResnetGenerator Copy(ResnetGenerator trained, Device device)
    {
        var copy = new ResnetGenerator(trained.Architecture);
        copy.to(device);
        using (no_grad())
        {
            foreach (var (target, source) in copy.parameters().Zip(trained.parameters()))
            {
                target.copy_(source);
                target.requires_grad = false;
            }
        }
        copy.eval();
        return copy;
    }

    public void Dispose()
    {
        foreach (var (_, _, average) in _generators)
        {
            average.Dispose();
        }
    }
}
