using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// The networks' Conv2d (square kernel, zero padding, bias), computed through <see cref="ChannelAlignedConvolution"/>.
/// Its parameters are named "weight" and "bias" with Conv2d's shapes, so saved weights are the reference's keys.
/// </summary>
internal sealed class AlignedConv2d : ConvolutionLayer
{
    private readonly long[] _stride;
    private readonly long[] _padding;

    public AlignedConv2d(long inputChannels, long outputChannels, long kernelSize, long stride = 1, long padding = 0)
        : base(nameof(AlignedConv2d), inputChannels, outputChannels, kernelSize)
    {
        _stride = [stride, stride];
        _padding = [padding, padding];
    }

    /// <summary>The stride, the same along both axes.</summary>
    public long Stride => _stride[0];

    /// <summary>Zero padding on each side.</summary>
    public long Padding => _padding[0];

    public override Tensor forward(Tensor input) => ChannelAlignedConvolution.Apply(input, Weight, Bias, _stride, _padding);
}
