namespace StyleForge.Plugins.GanKit.Training;

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
    /// The schedule for a run at <paramref name="baseRate"/>: <paramref name="iterations"/> when set (constant for
    /// the first half, decaying over the second), else <paramref name="epochs"/> constant and
    /// <paramref name="decayEpochs"/> decaying epochs. An epoch is one pass over the larger domain, as in the
    /// reference's unaligned dataset, divided into batches.
    /// </summary>
    public static LearningRateSchedule For(double baseRate, long? iterations, int epochs, int decayEpochs, int batchSize, int largerDomainCount)
    {
        if (iterations is long total)
        {
            // Constant for the first half, decaying over the second; an odd count gives the extra step to the constant half.
            return new LearningRateSchedule(baseRate, total - (total / 2), total / 2, 1);
        }
        var iterationsPerEpoch = (largerDomainCount + batchSize - 1) / batchSize;
        return new LearningRateSchedule(baseRate, epochs, decayEpochs, iterationsPerEpoch);
    }
}
