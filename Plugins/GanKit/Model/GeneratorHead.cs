namespace StyleForge.Plugins.GanKit.Model;

/// <summary>How the generator's last convolution becomes an image.</summary>
internal enum GeneratorHead
{
    /// <summary>The reference: the last convolution gives 3 channels, and tanh of them is the image.</summary>
    Direct,

    /// <summary>
    /// The last convolution gives 6 channels, a colour gain g and an offset o for every pixel, and the image is
    /// tanh((1 + g) x + o) of the input x (<see cref="AffineHead"/>): a per-pixel colour transform of the input, the form of
    /// local relighting and recolouring (Gharbi et al. 2017, "Deep Bilateral Learning for Real-Time Image Enhancement",
    /// predict such coefficients). The input's detail passes through the product, so the network spends its capacity on
    /// the coefficients and need not redraw every brick and frame. With zero coefficients the output is tanh(x), a
    /// softened copy of the input.
    /// </summary>
    Affine,
}
