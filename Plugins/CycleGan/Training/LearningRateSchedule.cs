namespace StyleForge.Plugins.CycleGan.Training;

/// <summary>
/// The reference's "linear" policy: <see cref="ConstantSteps"/> steps at the base rate, then
/// <see cref="DecaySteps"/> steps falling linearly towards 0. A step is an epoch (the reference) or a
/// single iteration (when the iterations option is set). The factor for zero-based step k is
/// 1 - max(0, k + 1 - constant) / (decay + 1), exactly as networks.get_scheduler computes it.
/// </summary>
internal sealed record LearningRateSchedule(double BaseRate, long ConstantSteps, long DecaySteps, long IterationsPerStep)
{
    /// <summary>Iterations the schedule runs for.</summary>
    public long TotalIterations => (ConstantSteps + DecaySteps) * IterationsPerStep;

    /// <summary>The learning rate for zero-based <paramref name="iteration"/>.</summary>
    public double RateAt(long iteration)
    {
        var step = iteration / IterationsPerStep;
        var decayed = Math.Max(0, step + 1 - ConstantSteps);
        return BaseRate * (1.0 - (decayed / (double)(DecaySteps + 1)));
    }

    /// <summary>
    /// The schedule for <paramref name="settings"/>. An epoch is one pass over the larger domain, as in
    /// the reference's unaligned dataset, divided into batches.
    /// </summary>
    public static LearningRateSchedule For(TrainingSettings settings, int largerDomainCount)
    {
        if (settings.Iterations is long total)
        {
            // Constant for the first half, decaying over the second; an odd count gives the extra step to the constant half.
            return new LearningRateSchedule(settings.LearningRate, total - (total / 2), total / 2, 1);
        }
        var iterationsPerEpoch = (largerDomainCount + settings.BatchSize - 1) / settings.BatchSize;
        return new LearningRateSchedule(settings.LearningRate, settings.Epochs, settings.DecayEpochs, iterationsPerEpoch);
    }
}
