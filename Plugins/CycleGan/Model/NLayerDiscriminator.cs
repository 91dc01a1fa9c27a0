using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace StyleForge.Plugins.CycleGan.Model;

/// <summary>
/// The reference PatchGAN discriminator; with 3 layers each output pixel sees a 70x70 patch and a
/// 256 px input gives a 30x30 map of raw scores (no sigmoid: the loss applies it when needed).
/// </summary>
internal sealed class NLayerDiscriminator : Module<Tensor, Tensor>
{
    // The reference's LeakyReLU slope.
    private const double Slope = 0.2;

    // Field name is the reference's saved-weight key: model.0.weight ... model.N.bias.
    private readonly Sequential model;

    public NLayerDiscriminator(int ndf, int layerCount) : base(nameof(NLayerDiscriminator))
    {
        var layers = new List<Module<Tensor, Tensor>>
        {
            new AlignedConv2d(3, ndf, kernelSize: 4, stride: 2, padding: 1),
            LeakyReLU(Slope, inplace: true),
        };
        long previous = ndf;
        for (var n = 1; n <= layerCount; n++)
        {
            // Stride 2 for the first layerCount - 1 layers, then one at stride 1; channels cap at 8 * ndf.
            long channels = ndf * Math.Min(1 << n, 8);
            layers.Add(new AlignedConv2d(previous, channels, kernelSize: 4, stride: n < layerCount ? 2 : 1, padding: 1));
            layers.Add(new InstanceNorm());
            layers.Add(LeakyReLU(Slope, inplace: true));
            previous = channels;
        }
        layers.Add(new AlignedConv2d(previous, 1, kernelSize: 4, stride: 1, padding: 1));
        model = Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return model.forward(input).MoveToOuterDisposeScope();
    }
}
