using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// InstanceNorm2d without affine parameters or running statistics, as in the reference, with an
/// optional shared <see cref="NormStatistics"/> that can record and replay the statistics.
/// </summary>
internal sealed class InstanceNorm : nn.Module<Tensor, Tensor>
{
    // PyTorch's InstanceNorm2d default, which the reference uses.
    private const double Epsilon = 1e-5;

    public InstanceNorm() : base(nameof(InstanceNorm))
    {
    }

    /// <summary>Shared statistics, or null to always normalise per sample.</summary>
    public NormStatistics? Statistics { get; set; }

    public override Tensor forward(Tensor input)
    {
        var statistics = Statistics;
        if (statistics is null || statistics.Mode == NormMode.PerSample)
        {
            return nn.functional.instance_norm(input, eps: Epsilon);
        }
        using var scope = NewDisposeScope();
        var (mean, variance) = statistics.Mode == NormMode.Record ? statistics.RecordLayer(input) : statistics.NextLayer();
        return ((input - mean) * (variance + Epsilon).rsqrt()).MoveToOuterDisposeScope();
    }
}
