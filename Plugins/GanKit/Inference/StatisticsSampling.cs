namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>How instance-norm statistics are gathered for an image too large to pass through the generator whole.</summary>
internal enum StatisticsSampling
{
    /// <summary>Full-resolution patches from an even grid over the image (<see cref="TextureMosaic"/>).</summary>
    Mosaic,

    /// <summary>An area-averaged, downscaled copy of the whole image (<see cref="TextureDownscale"/>).</summary>
    Downscale,
}
