using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>The reference residual block: x + (pad, conv 3x3, IN, ReLU, pad, conv 3x3, IN), no ReLU after the add.</summary>
internal sealed class ResnetBlock : Module<Tensor, Tensor>
{
    // Field name is the reference's saved-weight key: conv_block.1.weight, conv_block.5.weight.
    private readonly Sequential conv_block;

    public ResnetBlock(long channels) : base(nameof(ResnetBlock))
    {
        conv_block = Sequential(
            new BorderPad(1),
            new AlignedConv2d(channels, channels, kernelSize: 3),
            new InstanceNorm(),
            ReLU(inplace: true),
            new BorderPad(1),
            new AlignedConv2d(channels, channels, kernelSize: 3),
            new InstanceNorm());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return (input + conv_block.forward(input)).MoveToOuterDisposeScope();
    }
}
