using StyleForge.Plugins.GanKit.Training;


namespace StyleForge.Plugins.GanKit.Checkpoints;

/// <summary>state.json of a checkpoint: where training stood, and the options it ran with.</summary>
/// <param name="Format">Layout version of the checkpoint folder.</param>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="RandomState">The <see cref="TrainingRandom"/> state after that iteration.</param>
/// <param name="Schedule">The learning-rate schedule in force.</param>
/// <param name="Options">The resolved plugin options, as text.</param>
internal sealed record CheckpointState(
    int Format,
    long Iteration,
    ulong RandomState,
    LearningRateSchedule Schedule,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The only layout this plugin version writes and reads.</summary>
    public const int CurrentFormat = 1;
}
