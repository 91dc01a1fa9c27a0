namespace StyleForge.Plugins.GanKit.Options;

/// <summary>Who reads an option, and whether a resumed run must keep it.</summary>
[Flags]
internal enum OptionUse
{
    /// <summary>Training reads it, and a resumed run may change it (output cadence, say).</summary>
    Training = 1,

    /// <summary>It shapes the networks, the data or the schedule: a checkpoint resumes only with the same value.</summary>
    Resume = 2 | Training,

    /// <summary>Opening a trained model for stylizing reads it (device, threads).</summary>
    Inference = 4,
}
