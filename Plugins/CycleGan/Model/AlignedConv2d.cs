using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.CycleGan.Model;

/// <summary>
/// The networks' Conv2d (square kernel, zero padding, bias), computed through <see cref="ChannelAlignedConvolution"/>.
/// Its parameters are named "weight" and "bias" with Conv2d's shapes, so saved weights are the reference's keys.
/// </summary>
internal sealed class AlignedConv2d : nn.Module<Tensor, Tensor>
{
    private readonly long[] _stride;
    private readonly long[] _padding;

    public AlignedConv2d(long inputChannels, long outputChannels, long kernelSize, long stride = 1, long padding = 0)
        : base(nameof(AlignedConv2d))
    {
        _stride = [stride, stride];
        _padding = [padding, padding];
        // Conv2d's own default init, so the layer is sane before ReferenceInitialization runs.
        Weight = new Parameter(nn.init.kaiming_uniform_(empty(outputChannels, inputChannels, kernelSize, kernelSize), a: Math.Sqrt(5)));
        Bias = new Parameter(zeros(outputChannels));
        register_parameter("weight", Weight);
        register_parameter("bias", Bias);
    }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    public override Tensor forward(Tensor input) => ChannelAlignedConvolution.Apply(input, Weight, Bias, _stride, _padding);
}
