using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.CycleGan.Training;

/// <summary>
/// The four networks and two Adam optimisers of a CycleGAN, named as in the reference: G_A maps A to B,
/// G_B maps B to A, D_A judges domain B (real B against G_A's fakes), D_B judges domain A.
/// </summary>
internal sealed class CycleGanNetworks : IDisposable
{
    // Adam's beta2 and epsilon are the reference's (PyTorch defaults for beta2 and eps).
    private const double Beta2 = 0.999;
    private const double AdamEpsilon = 1e-8;

    public CycleGanNetworks(TrainingSettings settings, Device device, long seed)
    {
        G_A = new ResnetGenerator(settings.Architecture);
        G_B = new ResnetGenerator(settings.Architecture);
        D_A = new NLayerDiscriminator(settings.Ndf, settings.DiscriminatorLayers, settings.DiscriminatorScales);
        D_B = new NLayerDiscriminator(settings.Ndf, settings.DiscriminatorLayers, settings.DiscriminatorScales);
        // A private generator keeps initialisation independent of any other torch randomness in the process.
        using (var random = new Generator((ulong)seed))
        {
            foreach (var network in Networks)
            {
                ReferenceInitialization.Apply(network.Module, random);
            }
        }
        foreach (var network in Networks)
        {
            network.Module.to(device);
            network.Module.train();
        }
        GeneratorOptimizer = optim.Adam(G_A.parameters().Concat(G_B.parameters()), settings.LearningRate, settings.Beta1, Beta2, AdamEpsilon);
        DiscriminatorOptimizer = optim.Adam(D_A.parameters().Concat(D_B.parameters()), settings.LearningRate, settings.Beta1, Beta2, AdamEpsilon);
        Average = settings.EmaDecay > 0 ? new GeneratorAverage(settings.EmaDecay, [("G_A", G_A), ("G_B", G_B)], device) : null;
    }

    public ResnetGenerator G_A { get; }
    public ResnetGenerator G_B { get; }
    public NLayerDiscriminator D_A { get; }
    public NLayerDiscriminator D_B { get; }
    public Adam GeneratorOptimizer { get; }
    public Adam DiscriminatorOptimizer { get; }

    /// <summary>The moving averages of G_A and G_B when ema_decay is set; they are what the run exports.</summary>
    public GeneratorAverage? Average { get; }

    /// <summary>The generators a model folder receives: the averages when there are, else G_A and G_B.</summary>
    public (ResnetGenerator AToB, ResnetGenerator BToA) ExportedGenerators =>
        (Average?.AverageOf(G_A) ?? G_A, Average?.AverageOf(G_B) ?? G_B);

    /// <summary>Every network with the file name it is saved under in a checkpoint.</summary>
    public IEnumerable<(string Name, nn.Module Module)> Networks => GeneratorNetworks.Concat(DiscriminatorNetworks);

    /// <summary>What a checkpoint holds: <see cref="Networks"/>, then the averages (G_A_ema.pt, G_B_ema.pt) when there are.</summary>
    public IEnumerable<(string Name, nn.Module Module)> CheckpointNetworks => Networks.Concat(Average?.Networks ?? []);

    /// <summary>The generators with their checkpoint names.</summary>
    public IEnumerable<(string Name, nn.Module Module)> GeneratorNetworks => [("G_A", G_A), ("G_B", G_B)];

    /// <summary>The discriminators with their checkpoint names.</summary>
    public IEnumerable<(string Name, nn.Module Module)> DiscriminatorNetworks => [("D_A", D_A), ("D_B", D_B)];

    /// <summary>Both optimisers with their checkpoint file names.</summary>
    public IEnumerable<(string Name, Adam Optimizer)> Optimizers =>
        [("optimizer_G", GeneratorOptimizer), ("optimizer_D", DiscriminatorOptimizer)];

    /// <summary>Sets the learning rate of both optimisers (the schedule drives this every iteration).</summary>
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

    /// <summary>Freezes or unfreezes the discriminators, as the reference does around the generator step.</summary>
    public void SetDiscriminatorsTrainable(bool trainable)
    {
        foreach (var parameter in D_A.parameters().Concat(D_B.parameters()))
        {
            parameter.requires_grad = trainable;
        }
    }

    public void Dispose()
    {
        GeneratorOptimizer.Dispose();
        DiscriminatorOptimizer.Dispose();
        foreach (var (_, module) in Networks)
        {
            module.Dispose();
        }
        Average?.Dispose();
    }
}
