using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// The generator's stride-2 3x3 convolution. The reference pads it with one row of zeros; in
/// circular mode it wraps one row around instead, so the weights (keys "weight" and "bias", as in
/// Conv2d) serve both modes unchanged.
/// </summary>
internal sealed class DownsampleConv : ConvolutionLayer
{
    private static readonly long[] Stride = [2, 2];
    private static readonly long[] WrapOne = [1, 1, 1, 1];
    private static readonly long[] ZeroOne = [1, 1];
    private static readonly long[] NoPadding = [0, 0];

    public DownsampleConv(long inputChannels, long outputChannels) : base(nameof(DownsampleConv), inputChannels, outputChannels, 3)
    {
    }

    /// <summary>Zero padding (reference) for <see cref="PaddingMode.Reflect"/>, wrap-around for <see cref="PaddingMode.Circular"/>.</summary>
    public PaddingMode Mode { get; set; } = PaddingMode.Reflect;

    public override Tensor forward(Tensor input)
    {
        if (Mode == PaddingMode.Reflect)
        {
            return ChannelAlignedConvolution.Apply(input, Weight, Bias, Stride, ZeroOne);
        }
        using var scope = NewDisposeScope();
        var wrapped = nn.functional.pad(input, WrapOne, PaddingModes.Circular);
        return ChannelAlignedConvolution.Apply(wrapped, Weight, Bias, Stride, NoPadding).MoveToOuterDisposeScope();
    }
}
