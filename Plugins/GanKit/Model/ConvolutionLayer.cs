using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// The weights every hand-written convolution of the networks shares: a square kernel named "weight" and a bias named
/// "bias", with Conv2d's shapes, so saved weights keep the reference's keys whatever the layer does with them.
/// </summary>
internal abstract class ConvolutionLayer : nn.Module<Tensor, Tensor>
{
    protected ConvolutionLayer(string name, long inputChannels, long outputChannels, long kernelSize) : base(name)
    {
        // Conv2d's own default init, so the layer is sane before ReferenceInitialization runs.
        Weight = new Parameter(nn.init.kaiming_uniform_(empty(outputChannels, inputChannels, kernelSize, kernelSize), a: Math.Sqrt(5)));
        Bias = new Parameter(zeros(outputChannels));
        register_parameter("weight", Weight);
        register_parameter("bias", Bias);
    }

    public Parameter Weight { get; }

    public Parameter Bias { get; }
}
