namespace StyleForge.Plugins.GanKit.Model;

/// <summary>How the generator doubles the resolution twice on its way back up.</summary>
internal enum GeneratorUpsampling
{
    /// <summary>The reference: ConvTranspose 3x3, stride 2, padding 1, output padding 1. Kept for parity and imported weights.</summary>
    Transpose,

    /// <summary>
    /// Nearest-neighbour 2x resize, then a 3x3 convolution (Odena et al. 2016, "Deconvolution and Checkerboard Artifacts"):
    /// every output pixel sees the same number of weights, so no 2-pixel grid is built in.
    /// </summary>
    Resize,
}
