using StyleForge.Plugins.CycleGan.Reporting;
using static TorchSharp.torch;

namespace StyleForge.Plugins.CycleGan.Training;

/// <summary>
/// One CycleGAN update in the reference's order: both generators forward; discriminators frozen; one
/// Adam step for both generators on GAN + cycle + identity losses; discriminators unfrozen; one Adam
/// step for both discriminators on (real + pooled fake) x 0.5. Everything it creates lives in one
/// dispose scope; only plain numbers (and an optional rendered sample sheet) leave it.
/// </summary>
internal sealed class TrainingIteration
{
    /// <summary>The loss terms, named as in the reference's logs.</summary>
    public static readonly IReadOnlyList<string> LossTerms = ["D_A", "G_A", "cycle_A", "idt_A", "D_B", "G_B", "cycle_B", "idt_B"];

    private readonly CycleGanNetworks _networks;
    private readonly ImagePool _fakeAPool;
    private readonly ImagePool _fakeBPool;
    private readonly TrainingSettings _settings;
    private readonly GanLoss _ganLoss;

    public TrainingIteration(CycleGanNetworks networks, ImagePool fakeAPool, ImagePool fakeBPool, TrainingSettings settings)
    {
        _networks = networks;
        _fakeAPool = fakeAPool;
        _fakeBPool = fakeBPool;
        _settings = settings;
        _ganLoss = new GanLoss(settings.GanLoss);
    }

    /// <summary>Samples a batch from each domain, runs one update at <paramref name="learningRate"/>, and returns the losses.</summary>
    public (Dictionary<string, double> Losses, SampleSheet? Sample) Run(DomainImages domainA, DomainImages domainB, double learningRate,
        TrainingRandom random, bool renderSample)
    {
        using var scope = NewDisposeScope();
        var s = _settings;
        var n = _networks;
        var realA = domainA.SampleBatch(random, s.BatchSize, s.CropSize, s.Flip);
        var realB = domainB.SampleBatch(random, s.BatchSize, s.CropSize, s.Flip);
        n.SetLearningRate(learningRate);

        var fakeB = n.G_A.forward(realA);
        var recA = n.G_B.forward(fakeB);
        var fakeA = n.G_B.forward(realB);
        var recB = n.G_A.forward(fakeA);

        n.SetDiscriminatorsTrainable(false);
        n.GeneratorOptimizer.zero_grad();
        var identityWeight = s.LambdaIdentity;
        var idtA = identityWeight > 0 ? nn.functional.l1_loss(n.G_A.forward(realB), realB) * (s.LambdaB * identityWeight) : tensor(0f, device: realA.device);
        var idtB = identityWeight > 0 ? nn.functional.l1_loss(n.G_B.forward(realA), realA) * (s.LambdaA * identityWeight) : tensor(0f, device: realA.device);
        var ganA = _ganLoss.Compute(n.D_A.forward(fakeB), targetIsReal: true);
        var ganB = _ganLoss.Compute(n.D_B.forward(fakeA), targetIsReal: true);
        var cycleA = nn.functional.l1_loss(recA, realA) * s.LambdaA;
        var cycleB = nn.functional.l1_loss(recB, realB) * s.LambdaB;
        (ganA + ganB + cycleA + cycleB + idtA + idtB).backward();
        n.GeneratorOptimizer.step();

        n.SetDiscriminatorsTrainable(true);
        n.DiscriminatorOptimizer.zero_grad();
        var pooledFakeB = _fakeBPool.Query(fakeB, random);
        var discriminatorA = (_ganLoss.Compute(n.D_A.forward(realB), true) + _ganLoss.Compute(n.D_A.forward(pooledFakeB), false)) * 0.5;
        discriminatorA.backward();
        var pooledFakeA = _fakeAPool.Query(fakeA, random);
        var discriminatorB = (_ganLoss.Compute(n.D_B.forward(realA), true) + _ganLoss.Compute(n.D_B.forward(pooledFakeA), false)) * 0.5;
        discriminatorB.backward();
        n.DiscriminatorOptimizer.step();

        var losses = new Dictionary<string, double>
        {
            ["D_A"] = discriminatorA.item<float>(),
            ["G_A"] = ganA.item<float>(),
            ["cycle_A"] = cycleA.item<float>(),
            ["idt_A"] = idtA.item<float>(),
            ["D_B"] = discriminatorB.item<float>(),
            ["G_B"] = ganB.item<float>(),
            ["cycle_B"] = cycleB.item<float>(),
            ["idt_B"] = idtB.item<float>(),
        };
        var sample = renderSample ? SampleSheet.Render(realA, fakeB, recA, realB, fakeA, recB) : null;
        return (losses, sample);
    }
}
