using StyleForge.Plugins.GanKit.Checkpoints;

namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// What a GAN method adds to <see cref="TrainingLoop"/>: its update, its checkpoint contents and its export. The loop
/// owns everything the methods share: the schedule, the non-finite guard, the weight average, losses.csv, samples/,
/// checkpoints/ and stopping.
/// </summary>
internal interface ITrainingMethod
{
    /// <summary>The method's name in plots and messages, e.g. "CycleGAN".</summary>
    string Name { get; }

    /// <summary>The loss terms of every outcome, in the order losses.csv lists them.</summary>
    IReadOnlyList<string> LossTerms { get; }

    /// <summary>
    /// One update at <paramref name="learningRate"/>, applied whole or (when its outcome is rejected) not at all.
    /// <paramref name="progress"/> is the fraction of the schedule completed before it: 0 for the first iteration, below 1 for the last.
    /// </summary>
    IterationOutcome Step(double learningRate, double progress, TrainingRandom random, bool renderSample);

    /// <summary>Writes the networks, optimiser states and any other state into the new checkpoint <paramref name="folder"/>.</summary>
    void WriteCheckpoint(string folder, CheckpointState state);

    /// <summary>The moving average of the generators (ema_decay), or null; the loop updates it after every applied update.</summary>
    GeneratorAverage? Average { get; }

    /// <summary>Writes the inference model (the generators, or their average) into <paramref name="modelDirectory"/>.</summary>
    void Export(string modelDirectory, long iterations);
}
