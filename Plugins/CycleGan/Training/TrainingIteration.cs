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

        // Each generator runs once per step on a batch of everything it maps, instead of once per image kind:
        // instance norm normalises each sample on its own, so the batch gives the reference's values and
        // gradients while each convolution gets a larger, better-threaded problem (docs/benchmarks.md).
        //   G_A: real A -> fake B, then [fake A, real B] -> [rec B, idt A];
        //   G_B: [real B, fake B, real A] -> [fake A, rec A, idt B].
        var useIdentity = s.LambdaIdentity > 0;
        var batch = realA.shape[0];
        var fakeB = n.G_A.forward(realA);
        var fromB = n.G_B.forward(useIdentity ? cat([realB, fakeB, realA]) : cat([realB, fakeB]));
        var fakeA = fromB.narrow(0, 0, batch);
        var recA = fromB.narrow(0, batch, batch);
        var fromA = n.G_A.forward(useIdentity ? cat([fakeA, realB]) : fakeA);
        var recB = fromA.narrow(0, 0, batch);

        n.SetDiscriminatorsTrainable(false);
        n.GeneratorOptimizer.zero_grad();
        var idtA = useIdentity ? nn.functional.l1_loss(fromA.narrow(0, batch, batch), realB) * (s.LambdaB * s.LambdaIdentity) : tensor(0f, device: realA.device);
        var idtB = useIdentity ? nn.functional.l1_loss(fromB.narrow(0, 2 * batch, batch), realA) * (s.LambdaA * s.LambdaIdentity) : tensor(0f, device: realA.device);
        var ganA = _ganLoss.Compute(n.D_A.forward(fakeB), targetIsReal: true);
        var ganB = _ganLoss.Compute(n.D_B.forward(fakeA), targetIsReal: true);
        var cycleA = nn.functional.l1_loss(recA, realA) * s.LambdaA;
        var cycleB = nn.functional.l1_loss(recB, realB) * s.LambdaB;
        (ganA + ganB + cycleA + cycleB + idtA + idtB).backward();
        n.GeneratorOptimizer.step();

        // Each discriminator scores real and pooled fake images in one batch; the two halves keep their
        // own mean loss, as in the reference's two calls.
        n.SetDiscriminatorsTrainable(true);
        n.DiscriminatorOptimizer.zero_grad();
        var discriminatorA = DiscriminatorLoss(n.D_A, realB, _fakeBPool.Query(fakeB, random));
        discriminatorA.backward();
        var discriminatorB = DiscriminatorLoss(n.D_B, realA, _fakeAPool.Query(fakeA, random));
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

    private Tensor DiscriminatorLoss(nn.Module<Tensor, Tensor> discriminator, Tensor real, Tensor pooledFake)
    {
        var scores = discriminator.forward(cat([real, pooledFake]));
        var count = real.shape[0];
        return (_ganLoss.Compute(scores.narrow(0, 0, count), targetIsReal: true)
            + _ganLoss.Compute(scores.narrow(0, count, pooledFake.shape[0]), targetIsReal: false)) * 0.5;
    }
}
