using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.Cut.Training;

/// <summary>
/// CUT's three networks and their Adam optimisers, named as in the reference: G maps A to B, D judges domain B,
/// F projects the sampled patch features of G's encoder for PatchNCE.
/// </summary>
internal sealed class CutNetworks : IDisposable
{
    // Adam's beta2 and epsilon are the reference's (PyTorch defaults for beta2 and eps).
    private const double Beta2 = 0.999;
    private const double AdamEpsilon = 1e-8;

    public CutNetworks(CutSettings settings, Device device, long seed)
    {
        G = new ResnetGenerator(settings.Architecture);
        D = new NLayerDiscriminator(settings.Ndf, settings.DiscriminatorLayers);
        F = new PatchProjection(settings.NceLayers.Select(G.ChannelsAfter).ToList(), settings.ProjectionUnits);
        // A private generator keeps initialisation independent of any other torch randomness in the process.
        using (var random = new Generator((ulong)seed))
        {
            foreach (var (_, network) in Networks)
            {
                ReferenceInitialization.Apply(network, random, settings.XavierInit);
            }
        }
        foreach (var (_, network) in Networks)
        {
            network.to(device);
            network.train();
        }
        GeneratorOptimizer = optim.Adam(G.parameters(), settings.LearningRate, settings.Beta1, Beta2, AdamEpsilon);
        DiscriminatorOptimizer = optim.Adam(D.parameters(), settings.LearningRate, settings.Beta1, Beta2, AdamEpsilon);
        ProjectionOptimizer = optim.Adam(F.parameters(), settings.LearningRate, settings.Beta1, Beta2, AdamEpsilon);
        Average = settings.EmaDecay > 0 ? new GeneratorAverage(settings.EmaDecay, [("G", G)], device) : null;
    }

    public ResnetGenerator G { get; }
    public NLayerDiscriminator D { get; }
    public PatchProjection F { get; }
    public Adam GeneratorOptimizer { get; }
    public Adam DiscriminatorOptimizer { get; }
    public Adam ProjectionOptimizer { get; }

    /// <summary>The moving average of G's weights when ema_decay is set; it is what the run exports.</summary>
    public GeneratorAverage? Average { get; }

    /// <summary>The generator a model folder receives: G's average when there is one, else G.</summary>
    public ResnetGenerator ExportedGenerator => Average?.AverageOf(G) ?? G;

    /// <summary>Every network with the file name it is saved under in a checkpoint.</summary>
    public IEnumerable<(string Name, nn.Module Module)> Networks => [("G", G), ("D", D), ("F", F)];

    /// <summary>What a checkpoint holds: <see cref="Networks"/>, then the average (G_ema.pt) when there is one.</summary>
    public IEnumerable<(string Name, nn.Module Module)> CheckpointNetworks => Networks.Concat(Average?.Networks ?? []);

    /// <summary>The networks the generator step trains (G and F).</summary>
    public IEnumerable<(string Name, nn.Module Module)> GeneratorSide => [("G", G), ("F", F)];

    /// <summary>All three optimisers with their checkpoint file names.</summary>
    public IEnumerable<(string Name, Adam Optimizer)> Optimizers =>
        [("optimizer_G", GeneratorOptimizer), ("optimizer_D", DiscriminatorOptimizer), ("optimizer_F", ProjectionOptimizer)];

    /// <summary>Sets the learning rate of every optimiser (the schedule drives this every iteration).</summary>
    public void SetLearningRate(double rate)
    {
        foreach (var (_, optimizer) in Optimizers)
        {
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = rate;
            }
        }
    }

    /// <summary>Freezes or unfreezes the discriminator, as the reference does around the generator step.</summary>
    public void SetDiscriminatorTrainable(bool trainable)
    {
        foreach (var parameter in D.parameters())
        {
            parameter.requires_grad = trainable;
        }
    }

    public void Dispose()
    {
        foreach (var (_, optimizer) in Optimizers)
        {
            optimizer.Dispose();
        }
        foreach (var (_, module) in Networks)
        {
            module.Dispose();
        }
        Average?.Dispose();
    }
}
