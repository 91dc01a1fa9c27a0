using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>The arithmetic of <see cref="GeneratorHead.Affine"/>, shared by the generator and its tests.</summary>
internal static class AffineHead
{
    /// <summary>The channels the last convolution gives for this head: 3 gains, then 3 offsets.</summary>
    public const int Channels = 6;

    /// <summary>
    /// tanh((1 + g) x + o): <paramref name="coefficients"/> is [N, 6, H, W] (g then o), <paramref name="input"/> [N, 3, H, W].
    /// The generator returns its input's size only for sides that are multiples of 4 (inference pads to them), so the
    /// head refuses any other size rather than pair a pixel with another pixel's coefficients.
    /// </summary>
    public static Tensor Apply(Tensor input, Tensor coefficients)
    {
        if (coefficients.shape[2] != input.shape[2] || coefficients.shape[3] != input.shape[3])
        {
            throw new ArgumentException(
                $"the affine head needs sides that are multiples of 4; the input is {input.shape[3]}x{input.shape[2]} and the coefficients {coefficients.shape[3]}x{coefficients.shape[2]}",
                nameof(input));
        }
        using var scope = NewDisposeScope();
        var gain = coefficients.narrow(1, 0, 3) + 1;
        var offset = coefficients.narrow(1, 3, 3);
        return offset.addcmul(input, gain, 1).tanh().MoveToOuterDisposeScope();
    }
}
