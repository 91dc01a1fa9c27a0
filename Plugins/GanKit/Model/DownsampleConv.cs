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

    /// <summary>
    /// False: one row of zeros, as the reference (its Conv2d padding=1), also when the generator's pads reflect.
    /// True: one row wrapped around from the opposite border, for seamless textures.
    /// </summary>
    public bool WrapsBorder { get; set; }

    public override Tensor forward(Tensor input)
    {
        if (!WrapsBorder)
        {
            return ChannelAlignedConvolution.Apply(input, Weight, Bias, Stride, ZeroOne);
        }
        using var scope = NewDisposeScope();
        var wrapped = nn.functional.pad(input, WrapOne, PaddingModes.Circular);
        return ChannelAlignedConvolution.Apply(wrapped, Weight, Bias, Stride, NoPadding).MoveToOuterDisposeScope();
    }
}
