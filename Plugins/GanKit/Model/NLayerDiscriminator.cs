using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// The reference PatchGAN discriminator; with 3 layers each output pixel sees a 70x70 patch and a
/// 256 px input gives a 30x30 map of raw scores (no sigmoid: the loss applies it when needed).
/// With 2 scales a second PatchGAN of the same shape judges a 2x average-pooled copy (pix2pixHD, Wang et al.
/// 2018), so it sees twice the context per score: on small crops the first judges texture, the second layout.
/// </summary>
internal sealed class NLayerDiscriminator : Module<Tensor, Tensor>
{
    // The reference's LeakyReLU slope.
    private const double Slope = 0.2;

    private static readonly long[] Halve = [2, 2];

    // Field name is the reference's saved-weight key: model.0.weight ... model.N.bias.
    private readonly Sequential model;

    // The second scale's PatchGAN (keys coarse.0.weight ...); null with one scale, so the reference's keys stay alone.
    private readonly Sequential? coarse;

    public NLayerDiscriminator(int ndf, int layerCount, int scales = 1) : base(nameof(NLayerDiscriminator))
    {
        if (scales is < 1 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(scales), scales, "a discriminator has 1 or 2 scales");
        }
        model = PatchGan(ndf, layerCount);
        coarse = scales == 2 ? PatchGan(ndf, layerCount) : null;
        RegisterComponents();
    }

    /// <summary>1 (the reference) or 2 (also a PatchGAN on the 2x average-pooled input).</summary>
    public int Scales => coarse is null ? 1 : 2;

    private static Sequential PatchGan(int ndf, int layerCount)
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
        return Sequential(layers);
    }

    /// <summary>The full-resolution score map: the reference discriminator's output.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return model.forward(input).MoveToOuterDisposeScope();
    }

    /// <summary>One score map per scale, finest first. The losses average over them (<c>GanLoss</c>).</summary>
    public IReadOnlyList<Tensor> ScoreMaps(Tensor input)
    {
        if (coarse is null)
        {
            return [forward(input)];
        }
        using var scope = NewDisposeScope();
        var fine = model.forward(input);
        var pooled = coarse.forward(nn.functional.avg_pool2d(input, Halve, Halve));
        return [fine.MoveToOuterDisposeScope(), pooled.MoveToOuterDisposeScope()];
    }
}
