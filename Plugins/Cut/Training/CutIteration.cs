using StyleForge.Plugins.GanKit.Reporting;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.Plugins.Cut.Training;

/// <summary>
/// One CUT update in the reference's order (cut_model.optimize_parameters): G translates A (and, with nce_idt, B in
/// the same batch; with flip equivariance, both flipped half the time); one Adam step for D on (real B + fake B) x 0.5;
/// then, D frozen, one Adam step for G and F on lambda_gan x GAN(G(A)) plus PatchNCE(G(A), A), averaged with
/// PatchNCE(G(B), B) when nce_idt is on, plus lambda_chroma x the chroma term of G(A) against A when it is set
/// (<see cref="ChromaLoss"/>; StyleForge's, not the reference's). Each step is applied only when its losses and gradients are finite (the
/// non-finite guard). The generator's loss is scored by the discriminator after its step, as in the reference, so when
/// only the generator step is refused the discriminator's finite step stands.
/// </summary>
internal sealed class CutIteration
{
    private readonly CutNetworks _networks;
    private readonly CutSettings _settings;
    private readonly GanLoss _ganLoss;
    private readonly FaultInjection _faults;

    public CutIteration(CutNetworks networks, CutSettings settings, FaultInjection? faults = null)
    {
        _networks = networks;
        _settings = settings;
        _ganLoss = new GanLoss(settings.GanLoss);
        _faults = faults ?? FaultInjection.FromEnvironment();
    }

    /// <summary>The loss terms, named as in the reference's logs.</summary>
    public static IReadOnlyList<string> LossTerms(CutSettings settings) =>
        [
            "D_real", "D_fake", "G_GAN", "NCE",
            .. settings.NceIdentity ? new[] { "NCE_Y" } : [],
            .. settings.LambdaChroma > 0 ? new[] { "chroma" } : [],
        ];

    /// <summary>Samples a batch from each domain and applies both steps at <paramref name="learningRate"/> (see the class summary).</summary>
    public IterationOutcome Run(DomainImages domainA, DomainImages domainB, double learningRate, TrainingRandom random, bool renderSample)
    {
        using var scope = NewDisposeScope();
        var s = _settings;
        var n = _networks;
        var batch = s.BatchSize;
        var realA = domainA.SampleBatch(random, batch, s.CropSize, s.Flip);
        var realB = domainB.SampleBatch(random, batch, s.CropSize, s.Flip);
        n.SetLearningRate(learningRate);

        var real = s.NceIdentity ? cat([realA, realB]) : realA;
        var flipped = s.FlipEquivariance && random.NextBool();
        if (flipped)
        {
            real = real.flip(3);
        }
        var fake = n.G.forward(real);
        var fakeB = fake.narrow(0, 0, batch);
        var identityB = s.NceIdentity ? fake.narrow(0, batch, batch) : null;

        n.SetDiscriminatorTrainable(true);
        n.DiscriminatorOptimizer.zero_grad();
        var discriminatorFake = _ganLoss.Compute(n.D.ScoreMaps(fakeB.detach()), targetIsReal: false);
        var discriminatorReal = _ganLoss.Compute(n.D.ScoreMaps(realB), targetIsReal: true);
        ((discriminatorFake + discriminatorReal) * 0.5).backward();
        var losses = new Dictionary<string, double>
        {
            ["D_real"] = discriminatorReal.item<float>(),
            ["D_fake"] = discriminatorFake.item<float>(),
        };
        var rejection = NonFiniteValues.FirstInLosses(losses)
            ?? (fakeB.isfinite().all().item<bool>() ? null : "a generated image")
            ?? NonFiniteValues.GradientOf([("D", n.D)]);
        if (rejection is not null)
        {
            return IterationOutcome.Rejected(rejection);
        }
        n.DiscriminatorOptimizer.step();

        n.SetDiscriminatorTrainable(false);
        n.GeneratorOptimizer.zero_grad();
        n.ProjectionOptimizer.zero_grad();
        var gan = s.LambdaGan > 0 ? _ganLoss.Compute(n.D.ScoreMaps(fakeB), targetIsReal: true) * s.LambdaGan : tensor(0f, device: fake.device);
        var nce = s.LambdaNce > 0 ? Nce(realA, fakeB, flipped, random) : tensor(0f, device: fake.device);
        var nceIdentity = identityB is not null && s.LambdaNce > 0 ? Nce(realB, identityB, flipped, random) : null;
        // The chroma term compares each day texture with its translation (both flipped alike when flip equivariance flipped them).
        var chroma = s.LambdaChroma > 0 ? ChromaLoss.Compute(real.narrow(0, 0, batch), fakeB) * s.LambdaChroma : null;
        var total = gan + (nceIdentity is null ? nce : (nce + nceIdentity) * 0.5);
        (chroma is null ? total : total + chroma).backward();
        _faults.AfterBackward(n.G);
        losses["G_GAN"] = gan.item<float>();
        losses["NCE"] = nce.item<float>();
        if (s.NceIdentity)
        {
            losses["NCE_Y"] = nceIdentity?.item<float>() ?? 0;
        }
        if (chroma is not null)
        {
            losses["chroma"] = chroma.item<float>();
        }
        rejection = NonFiniteValues.FirstInLosses(losses) ?? NonFiniteValues.GradientOf(n.GeneratorSide);
        if (rejection is not null)
        {
            return IterationOutcome.Rejected($"{rejection} in the generator step (the discriminator's finite step before it stands)");
        }
        n.GeneratorOptimizer.step();
        n.ProjectionOptimizer.step();

        var ordered = LossTerms(s).ToDictionary(term => term, term => losses[term]);
        var input = real.narrow(0, 0, batch);
        var sample = !renderSample ? null
            : identityB is null ? SampleSheet.Render([[input, fakeB]])
            : SampleSheet.Render([[input, fakeB], [real.narrow(0, batch, batch), identityB]]);
        return new IterationOutcome(ordered, sample, null);
    }

    /// <summary>
    /// PatchNCE between <paramref name="source"/> and its translation <paramref name="translated"/>, averaged over the
    /// compared layers and weighted by lambda_nce. The source's features are keys (no gradient flows through them in
    /// the reference either, so they are computed without one); with a flipped batch the translation's features are
    /// flipped back so each query meets the key at its own position.
    /// </summary>
    private Tensor Nce(Tensor source, Tensor translated, bool flipped, TrainingRandom random)
    {
        var s = _settings;
        var n = _networks;
        var queries = n.G.Encode(translated, s.NceLayers);
        if (flipped)
        {
            queries = queries.Select(f => f.flip(3)).ToList();
        }
        IReadOnlyList<Tensor> keys;
        IReadOnlyList<Tensor> locations;
        using (no_grad())
        {
            var sourceFeatures = n.G.Encode(source, s.NceLayers);
            locations = PatchLocations.Draw(sourceFeatures, s.Patches, random);
            keys = n.F.Project(sourceFeatures, locations);
        }
        var projected = n.F.Project(queries, locations);
        var total = tensor(0f, device: translated.device);
        for (var layer = 0; layer < projected.Count; layer++)
        {
            total = total + (PatchNce.Loss(projected[layer], keys[layer], s.BatchSize, s.Temperature).mean() * s.LambdaNce);
        }
        return total / projected.Count;
    }
}
