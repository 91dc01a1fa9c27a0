using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// The references' initialisations (init_weights in both Zhu et al.'s CycleGAN and Park et al.'s CUT code): every
/// convolution and linear weight drawn from N(0, 0.02) ("normal", CycleGAN's default) or from Xavier's normal with
/// gain 0.02 ("xavier", CUT's default), biases 0.
/// </summary>
internal static class ReferenceInitialization
{
    private const double Std = 0.02;

    /// <summary>Re-initialises every convolution of <paramref name="network"/> with the normal init, drawing from <paramref name="generator"/>.</summary>
    public static void Apply(nn.Module network, Generator generator) => Apply(network, generator, xavier: false);

    /// <summary>
    /// Re-initialises every convolution and linear layer of <paramref name="network"/>, drawing from
    /// <paramref name="generator"/>: N(0, 0.02), or with <paramref name="xavier"/> N(0, 0.02 x sqrt(2 / (fan_in + fan_out)))
    /// where a fan is the channels on that side times the kernel area, as torch.nn.init.xavier_normal_ computes it.
    /// </summary>
    public static void Apply(nn.Module network, Generator generator, bool xavier)
    {
        using var _ = no_grad();
        foreach (var (_, module) in network.named_modules())
        {
            var (weight, bias) = module switch
            {
                Convolution conv => (conv.weight, conv.bias),
                ConvolutionLayer conv => (conv.Weight, conv.Bias),
                Linear linear => (linear.weight, linear.bias),
                _ => (null, null),
            };
            if (weight is not null)
            {
                // Tensor.normal_, not nn.init.normal_: TorchSharp 0.107's init.normal_ ignores its generator argument,
                // which made "same seed, same run" fail (measured in a test).
                weight.normal_(0.0, xavier ? XavierStd(weight) : Std, generator);
            }
            bias?.zero_();
        }
    }

    private static double XavierStd(Tensor weight)
    {
        var receptiveField = weight.shape.Skip(2).Aggregate(1L, (a, b) => a * b);
        var fanIn = weight.shape[1] * receptiveField;
        var fanOut = weight.shape[0] * receptiveField;
        return Std * Math.Sqrt(2.0 / (fanIn + fanOut));
    }
}
