using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// A 2-D convolution that routes around a defect in the oneDNN bundled with TorchSharp 0.107's libtorch 2.10.
/// <para>
/// On CPUs with AVX2 or AVX-512 kernels, oneDNN's backward-data convolution ("jit:avx512_core backward_data",
/// "jit:avx2 backward_data") pads the incoming output gradient to a block of 16 (or 8) channels and reads the padding
/// without initialising it. When the padding happens to hold NaN or infinity, the input gradient comes out
/// non-finite. Measured on an AMD EPYC with AVX-512, with the allocator's free memory filled with NaN before each
/// call, every stride-1 convolution with 1, 3, 4 or 20 output channels gave a non-finite input gradient (the
/// generator's last 7x7 convolution, and the discriminator's last); 16, 32, 64 and 256 channels never did, and
/// neither did the same calls with the output channels zero-padded to a multiple of 16. Without poisoning it happens
/// when the allocator hands back memory that held NaN bits: at a random iteration.
/// </para>
/// <para>
/// So when an input gradient will be computed on the CPU and the output channel count is not a multiple of 16, the
/// weights and bias are padded with zero filters to the next multiple of 16 and the extra output channels are cut off
/// again. The result and every gradient are the same; the gradient reaching the convolution then has no padding for
/// oneDNN to read. Inference and layers whose input needs no gradient take the plain path at no cost.
/// </para>
/// </summary>
internal static class ChannelAlignedConvolution
{
    // The widest oneDNN f32 channel block (AVX-512: 16 floats; AVX2 uses 8, which divides it).
    private const long ChannelBlock = 16;

    /// <summary>
    /// Set STYLEFORGE_CHANNEL_ALIGNMENT=off to take the plain path everywhere; only for measuring what the workaround
    /// costs and what it prevents (bench/soak_nonfinite.sh), never for real training.
    /// </summary>
    public static bool Enabled { get; } =
        !string.Equals(Environment.GetEnvironmentVariable("STYLEFORGE_CHANNEL_ALIGNMENT"), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>conv2d(<paramref name="input"/>, <paramref name="weight"/>, <paramref name="bias"/>) with the given stride and zero padding.</summary>
    public static Tensor Apply(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding)
    {
        var outputChannels = weight.shape[0];
        var missing = (ChannelBlock - outputChannels % ChannelBlock) % ChannelBlock;
        if (missing == 0 || !Enabled || !is_grad_enabled() || !input.requires_grad || input.device_type != DeviceType.CPU)
        {
            return nn.functional.conv2d(input, weight, bias, stride, padding);
        }
        using var scope = NewDisposeScope();
        var alignedWeight = nn.functional.pad(weight, [0, 0, 0, 0, 0, 0, 0, missing]);
        var alignedBias = bias is null ? null : nn.functional.pad(bias, [0, missing]);
        return nn.functional.conv2d(input, alignedWeight, alignedBias, stride, padding)
            .narrow(1, 0, outputChannels)
            .MoveToOuterDisposeScope();
    }
}
