namespace StyleForge.Plugins.GanKit.Model;

/// <summary>Where <see cref="InstanceNorm"/> takes its mean and variance from.</summary>
internal enum NormMode
{
    /// <summary>From the input itself, per sample and channel, as the reference does (training).</summary>
    PerSample,

    /// <summary>From the input itself, and remember them per layer for a later <see cref="Replay"/>.</summary>
    Record,

    /// <summary>From the statistics recorded for the same layer, so every tile of an image is normalised alike.</summary>
    Replay,
}
