using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Training;

/// <summary>The adversarial loss of a discriminator's raw score map against "real" (1) or "fake" (0).</summary>
internal sealed class GanLoss
{
    private readonly GanLossKind _kind;

    public GanLoss(GanLossKind kind) => _kind = kind;

    /// <summary>The mean of the loss over the score maps of a multi-scale discriminator: each scale weighs the same.</summary>
    public Tensor Compute(IReadOnlyList<Tensor> scoreMaps, bool targetIsReal)
    {
        if (scoreMaps.Count == 1)
        {
            return Compute(scoreMaps[0], targetIsReal);
        }
        using var scope = NewDisposeScope();
        return stack(scoreMaps.Select(map => Compute(map, targetIsReal)).ToArray()).mean().MoveToOuterDisposeScope();
    }

    public Tensor Compute(Tensor scores, bool targetIsReal)
    {
        var target = targetIsReal ? ones_like(scores) : zeros_like(scores);
        return _kind == GanLossKind.Lsgan
            ? nn.functional.mse_loss(scores, target)
            : nn.functional.binary_cross_entropy_with_logits(scores, target);
    }
}
