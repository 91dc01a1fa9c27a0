using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// <see cref="GeneratorUpsampling.Resize"/>: nearest-neighbour 2x upsampling, a one-pixel border (reflected like the generator's
/// other pads, or wrapped for seamless textures), then a 3x3 convolution. It sits where the reference's ConvTranspose2d
/// sits, with the keys "weight" and "bias" and the same parameter count (a 3x3 kernel between the same channels), so
/// the saved weights keep the reference's layout: model.N.weight for the same N.
/// </summary>
internal sealed class ResizeConv : ConvolutionLayer
{
    private static readonly double[] Twice = [2.0, 2.0];
    private static readonly long[] One = [1, 1, 1, 1];
    private static readonly long[] Stride = [1, 1];
    private static readonly long[] NoPadding = [0, 0];

    public ResizeConv(long inputChannels, long outputChannels) : base(nameof(ResizeConv), inputChannels, outputChannels, 3)
    {
    }

    /// <summary>Reflected border for <see cref="PaddingMode.Reflect"/>, wrap-around for <see cref="PaddingMode.Circular"/>.</summary>
    public PaddingMode Mode { get; set; } = PaddingMode.Reflect;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var resized = nn.functional.interpolate(input, scale_factor: Twice, mode: InterpolationMode.Nearest);
        var padded = nn.functional.pad(resized, One, Mode == PaddingMode.Circular ? PaddingModes.Circular : PaddingModes.Reflect);
        return ChannelAlignedConvolution.Apply(padded, Weight, Bias, Stride, NoPadding).MoveToOuterDisposeScope();
    }
}
