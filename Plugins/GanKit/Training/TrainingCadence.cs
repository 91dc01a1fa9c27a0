namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// How often a training run writes what it writes along the way, in iterations: a resumable checkpoint, a sample
/// sheet, and a snapshot (a complete exported model in snapshots/, for scoring how quality changes over training;
/// 0 writes none).
/// </summary>
internal sealed record TrainingCadence(long CheckpointEvery, long SampleEvery, long SnapshotEvery);
