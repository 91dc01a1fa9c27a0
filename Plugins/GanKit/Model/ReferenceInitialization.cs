using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>The reference's "normal" init: convolution weights N(0, 0.02), biases 0 (Zhu et al., init_weights).</summary>
internal static class ReferenceInitialization
{
    private const double Std = 0.02;

    /// <summary>Re-initialises every convolution of <paramref name="network"/>, drawing from <paramref name="generator"/>.</summary>
    public static void Apply(nn.Module network, Generator generator)
    {
        using var _ = no_grad();
        foreach (var (_, module) in network.named_modules())
        {
            var (weight, bias) = module switch
            {
                Convolution conv => (conv.weight, conv.bias),
                ConvolutionLayer conv => (conv.Weight, conv.Bias),
                _ => (null, null),
            };
            if (weight is not null)
            {
                // Tensor.normal_, not nn.init.normal_: TorchSharp 0.107's init.normal_ ignores its generator argument,
                // which made "same seed, same run" fail (measured in a test).
                weight.normal_(0.0, Std, generator);
            }
            bias?.zero_();
        }
    }
}
