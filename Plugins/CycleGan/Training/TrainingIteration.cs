using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Reporting;
using StyleForge.Plugins.GanKit.Runtime;
using StyleForge.Plugins.GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Plugins.CycleGan.Training;

/// <summary>
/// One CycleGAN update in the reference's order: both generators forward; discriminators frozen; one Adam step for
/// both generators on GAN + cycle + identity losses (+ the chroma term, <see cref="ChromaLoss"/>, when lambda_chroma
/// is set; StyleForge's, not the reference's); discriminators unfrozen; one Adam step for both discriminators on
/// (real + pooled fake) x 0.5. Both steps are applied only when every loss and gradient is finite (the non-finite
/// guard): a NaN or infinity never reaches a weight or an Adam moment.
/// <para>
/// The generator losses split into two halves whose graphs share only the weights: the A half (real A to fake B and
/// back, G_B's identity on A, D_A on fake B) and the B half (the mirror image). With two streams the halves run
/// forward and backward at the same time on two threads, each with its own single-threaded libtorch ops, so a small
/// model keeps both cores busy without OpenMP barriers between operations. Each weight then receives exactly one
/// gradient from each half, and floating-point addition of two terms does not depend on their order, so the result is
/// the same with one stream or two. The discriminator halves (D_A, D_B) run side by side the same way. Everything
/// random (batches, pool draws) happens on the calling thread, in the reference's order.
/// </para>
/// </summary>
internal sealed class TrainingIteration
{
    /// <summary>The loss terms, named as in the reference's logs; chroma_A and chroma_B (this plugin's) only when the term is on.</summary>
    public IReadOnlyList<string> LossTerms => _settings.LambdaChroma > 0
        ? ["D_A", "G_A", "cycle_A", "idt_A", "chroma_A", "D_B", "G_B", "cycle_B", "idt_B", "chroma_B"]
        : ["D_A", "G_A", "cycle_A", "idt_A", "D_B", "G_B", "cycle_B", "idt_B"];

    private readonly CycleGanNetworks _networks;
    private readonly ImagePool _fakeAPool;
    private readonly ImagePool _fakeBPool;
    private readonly TrainingSettings _settings;
    private readonly GanLoss _ganLoss;
    private readonly bool _parallel;
    private readonly FaultInjection _faults;

    /// <summary>Prepares the update of <paramref name="networks"/>; <paramref name="streams"/> 1 runs the halves one after the other, 2 at once.</summary>
    public TrainingIteration(CycleGanNetworks networks, ImagePool fakeAPool, ImagePool fakeBPool, TrainingSettings settings, int streams = 1,
        FaultInjection? faults = null)
    {
        _faults = faults ?? FaultInjection.FromEnvironment();
        _networks = networks;
        _fakeAPool = fakeAPool;
        _fakeBPool = fakeBPool;
        _settings = settings;
        _ganLoss = new GanLoss(settings.GanLoss);
        _parallel = streams > 1;
    }

    /// <summary>
    /// How many streams suit <paramref name="device"/> with <paramref name="threads"/> CPU threads (0 = every core), and
    /// the libtorch intra-op threads each stream then gets. CUDA queues its work on one stream either way.
    /// </summary>
    public static (int Streams, int IntraOpThreads) PlanThreads(Device device, int threads)
    {
        var total = threads > 0 ? threads : Environment.ProcessorCount;
        return device.type == DeviceType.CPU && total >= 2 ? (2, total / 2) : (1, total);
    }

    /// <summary>
    /// Samples a batch from each domain, computes both updates at <paramref name="learningRate"/> with the cycle weights
    /// <paramref name="progress"/> of the way through training gives (<see cref="CycleWeight"/>), and applies them only
    /// when every loss, fake and gradient is finite; otherwise nothing is applied and the outcome names the first bad value.
    /// </summary>
    public IterationOutcome Run(DomainImages domainA, DomainImages domainB, double learningRate, double progress, TrainingRandom random, bool renderSample)
    {
        using var scope = NewDisposeScope();
        var s = _settings;
        var n = _networks;
        var realA = domainA.SampleBatch(random, s.BatchSize, s.CropSize, s.Flip);
        var realB = domainB.SampleBatch(random, s.BatchSize, s.CropSize, s.Flip);
        n.SetLearningRate(learningRate);

        n.SetDiscriminatorsTrainable(false);
        n.GeneratorOptimizer.zero_grad();
        // The identity weight is relative to the undecayed cycle weight (the reference's lambda_identity x lambda_A), so
        // cycle_decay loosens the cycle alone.
        using var halfA = new GeneratorHalf(n.G_A, n.G_B, n.D_A, CycleWeight(s.LambdaA, s.CycleDecay, progress), s.LambdaA * s.LambdaIdentity, s.LambdaChroma, _ganLoss, renderSample);
        using var halfB = new GeneratorHalf(n.G_B, n.G_A, n.D_B, CycleWeight(s.LambdaB, s.CycleDecay, progress), s.LambdaB * s.LambdaIdentity, s.LambdaChroma, _ganLoss, renderSample);
        Both(() => halfA.Run(realA), () => halfB.Run(realB));
        _faults.AfterBackward(n.G_A);
        var generatorLosses = new Dictionary<string, double>
        {
            ["G_A"] = halfA.Gan,
            ["cycle_A"] = halfA.Cycle,
            ["idt_A"] = halfB.Identity,
            ["G_B"] = halfB.Gan,
            ["cycle_B"] = halfB.Cycle,
            ["idt_B"] = halfA.Identity,
        };
        if (s.LambdaChroma > 0)
        {
            generatorLosses["chroma_A"] = halfA.Chroma;
            generatorLosses["chroma_B"] = halfB.Chroma;
        }
        // Checked before the pools see the fakes, so a pool never holds a non-finite image.
        var rejection = NonFiniteValues.FirstInLosses(generatorLosses)
            ?? (halfA.Fake!.isfinite().all().item<bool>() && halfB.Fake!.isfinite().all().item<bool>() ? null : "a generated image")
            ?? NonFiniteValues.GradientOf(n.GeneratorNetworks);
        if (rejection is not null)
        {
            return IterationOutcome.Rejected(rejection);
        }

        n.SetDiscriminatorsTrainable(true);
        n.DiscriminatorOptimizer.zero_grad();
        // The pool draws in the reference's order (D_A's first), on this thread, so the random stream never depends
        // on thread timing.
        var pooledFakeB = _fakeBPool.Query(halfA.Fake!, random);
        var pooledFakeA = _fakeAPool.Query(halfB.Fake!, random);
        var discriminatorA = 0.0;
        var discriminatorB = 0.0;
        Both(() => discriminatorA = DiscriminatorStep(n.D_A, realB, pooledFakeB), () => discriminatorB = DiscriminatorStep(n.D_B, realA, pooledFakeA));
        var losses = new Dictionary<string, double>(generatorLosses) { ["D_A"] = discriminatorA, ["D_B"] = discriminatorB };
        rejection = NonFiniteValues.FirstInLosses(losses) ?? NonFiniteValues.GradientOf(n.DiscriminatorNetworks);
        if (rejection is not null)
        {
            return IterationOutcome.Rejected(rejection);
        }

        // Both steps come after both checks, so an update is applied whole or not at all. The discriminators' gradients
        // come from detached fakes, so stepping the generators first (the reference's order) or last gives the same values.
        n.GeneratorOptimizer.step();
        n.DiscriminatorOptimizer.step();
        var ordered = LossTerms.ToDictionary(term => term, term => losses[term]);
        var sample = renderSample ? SampleSheet.Render(realA, halfA.Fake!, halfA.Reconstruction!, realB, halfB.Fake!, halfB.Reconstruction!) : null;
        return new IterationOutcome(ordered, sample, null);
    }

    /// <summary>
    /// The cycle weight <paramref name="progress"/> (0 to 1) of the way through training: <paramref name="lambda"/> falling
    /// linearly by the fraction <paramref name="decay"/> of itself, from the first iteration to the end. Decay 0 is the
    /// reference's constant weight.
    /// </summary>
    public static double CycleWeight(double lambda, double decay, double progress) => lambda * (1.0 - decay * progress);

    private void Both(Action first, Action second)
    {
        if (_parallel)
        {
            Parallel.Invoke(first, second);
        }
        else
        {
            first();
            second();
        }
    }

    /// <summary>One discriminator's (real + pooled fake) x 0.5 loss, scored in one batch, and its backward pass.</summary>
    private double DiscriminatorStep(NLayerDiscriminator discriminator, Tensor real, Tensor pooledFake)
    {
        using var scope = NewDisposeScope();
        var maps = discriminator.ScoreMaps(cat([real, pooledFake]));
        var count = real.shape[0];
        var loss = (_ganLoss.Compute(maps.Select(m => m.narrow(0, 0, count)).ToList(), targetIsReal: true)
            + _ganLoss.Compute(maps.Select(m => m.narrow(0, count, pooledFake.shape[0])).ToList(), targetIsReal: false)) * 0.5;
        loss.backward();
        return loss.item<float>();
    }

    /// <summary>
    /// Half of the generator step, starting from one domain's real images: translate with <c>forward</c>, map back
    /// with <c>backward</c> (which also maps the real images for its identity loss, in the same batch), score the fake
    /// with the target domain's frozen discriminator, compare its colours with the real images' (the chroma term, when
    /// its weight is above 0), and backpropagate this half's losses. Only the detached fake (for
    /// the pool) and, for a sample sheet, the reconstruction outlive it; the caller disposes them with the half.
    /// </summary>
    private sealed class GeneratorHalf(
        nn.Module<Tensor, Tensor> forward,
        nn.Module<Tensor, Tensor> backward,
        NLayerDiscriminator discriminator,
        double lambdaCycle,
        double identityWeight,
        double chromaWeight,
        GanLoss ganLoss,
        bool keepReconstruction) : IDisposable
    {
        public Tensor? Fake { get; private set; }
        public Tensor? Reconstruction { get; private set; }
        public double Gan { get; private set; }
        public double Cycle { get; private set; }
        public double Identity { get; private set; }
        public double Chroma { get; private set; }

        public void Run(Tensor real)
        {
            // Tensors made on a worker thread belong to that thread's dispose scope, so this half has its own.
            using var scope = NewDisposeScope();
            var batch = real.shape[0];
            var fake = forward.forward(real);
            var useIdentity = identityWeight > 0;
            var back = backward.forward(useIdentity ? cat([fake, real]) : fake);
            var reconstruction = back.narrow(0, 0, batch);
            var gan = ganLoss.Compute(discriminator.ScoreMaps(fake), targetIsReal: true);
            var cycle = nn.functional.l1_loss(reconstruction, real) * lambdaCycle;
            var identity = useIdentity ? nn.functional.l1_loss(back.narrow(0, batch, batch), real) * identityWeight : null;
            var chroma = chromaWeight > 0 ? ChromaLoss.Compute(real, fake) * chromaWeight : null;
            var total = gan + cycle;
            total = identity is null ? total : total + identity;
            total = chroma is null ? total : total + chroma;
            total.backward();
            Gan = gan.item<float>();
            Cycle = cycle.item<float>();
            Identity = identity?.item<float>() ?? 0;
            Chroma = chroma?.item<float>() ?? 0;
            Fake = fake.detach().DetachFromDisposeScope();
            Reconstruction = keepReconstruction ? reconstruction.detach().DetachFromDisposeScope() : null;
        }

        public void Dispose()
        {
            Fake?.Dispose();
            Reconstruction?.Dispose();
        }
    }
}
