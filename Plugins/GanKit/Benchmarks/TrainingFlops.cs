namespace StyleForge.Plugins.GanKit.Benchmarks;

/// <summary>
/// Counts the floating-point work of CycleGAN networks the one way every StyleForge benchmark and
/// bench/reference_cyclegan.py count it: 2 x Cin x Cout x k x k x Hout x Wout per convolution forward
/// (transposed convolutions on the input grid they scatter from) and twice the forward for the backward.
/// Norms, activations, losses and optimiser steps are left out: they are a few percent at most.
/// </summary>
internal static class TrainingFlops
{
    /// <summary>FLOPs of one convolution forward pass producing an <paramref name="outputHeight"/> x <paramref name="outputWidth"/> map.</summary>
    public static long Convolution(int inputChannels, int outputChannels, int kernel, long outputHeight, long outputWidth) =>
        2L * inputChannels * outputChannels * kernel * kernel * outputHeight * outputWidth;

    /// <summary>FLOPs of one ResNet generator forward pass on a <paramref name="height"/> x <paramref name="width"/> input (sides multiples of 4).</summary>
    public static long GeneratorForward(int height, int width, int ngf, int blocks)
    {
        long h2 = height / 2, w2 = width / 2, h4 = height / 4, w4 = width / 4;
        return Convolution(3, ngf, 7, height, width)
            + Convolution(ngf, 2 * ngf, 3, h2, w2)
            + Convolution(2 * ngf, 4 * ngf, 3, h4, w4)
            + blocks * 2 * Convolution(4 * ngf, 4 * ngf, 3, h4, w4)
            // Transposed convolutions: counted on the grid they read from, which is the smaller one.
            + Convolution(4 * ngf, 2 * ngf, 3, h4, w4)
            + Convolution(2 * ngf, ngf, 3, h2, w2)
            + Convolution(ngf, 3, 7, height, width);
    }

    /// <summary>
    /// FLOPs of the generator's encoder from the input up to and including layer <paramref name="lastLayer"/> (CUT's
    /// nce_layers indexing: 1 is the first convolution, 4 and 7 the downsamples, 10 onwards the residual blocks).
    /// </summary>
    public static long EncoderForward(int height, int width, int ngf, int lastLayer)
    {
        long h2 = height / 2, w2 = width / 2, h4 = height / 4, w4 = width / 4;
        var total = lastLayer >= 1 ? Convolution(3, ngf, 7, height, width) : 0;
        total += lastLayer >= 4 ? Convolution(ngf, 2 * ngf, 3, h2, w2) : 0;
        total += lastLayer >= 7 ? Convolution(2 * ngf, 4 * ngf, 3, h4, w4) : 0;
        return total + (Math.Max(0, lastLayer - 9) * 2 * Convolution(4 * ngf, 4 * ngf, 3, h4, w4));
    }

    /// <summary>FLOPs of one PatchGAN discriminator forward pass on a square input of side <paramref name="size"/>.</summary>
    public static long DiscriminatorForward(int size, int ndf, int layers)
    {
        long total = 0, side = size;
        var inputChannels = 3;
        for (var n = 0; n < layers; n++)
        {
            var outputChannels = ndf * Math.Min(1 << n, 8);
            side = ((side + 2 - 4) / 2) + 1;
            total += Convolution(inputChannels, outputChannels, 4, side, side);
            inputChannels = outputChannels;
        }
        var widest = ndf * Math.Min(1 << layers, 8);
        side = side + 2 - 4 + 1;
        total += Convolution(inputChannels, widest, 4, side, side);
        side = side + 2 - 4 + 1;
        return total + Convolution(widest, 1, 4, side, side);
    }

    /// <summary>
    /// FLOPs of one full training iteration at batch size 1: six generator passes (two translations,
    /// two reconstructions, two identity mappings) and six discriminator passes (two in the generator
    /// step, four in the discriminator step), each forward and backward.
    /// </summary>
    public static long Iteration(int size, int ngf, int ndf, int blocks, int discriminatorLayers)
    {
        var forward = (6 * GeneratorForward(size, size, ngf, blocks)) + (6 * DiscriminatorForward(size, ndf, discriminatorLayers));
        return 3 * forward;
    }
}
