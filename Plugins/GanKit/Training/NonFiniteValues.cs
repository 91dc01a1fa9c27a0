using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// Finds NaN and infinity in a network's weights or gradients. The common case (everything finite) costs one
/// reduction per tensor and a single read back; only a failure walks the tensors again to name the first bad one.
/// </summary>
internal static class NonFiniteValues
{
    /// <summary>"G_A model.18.weight" for the first parameter whose gradient is not finite, or null when all are.</summary>
    public static string? FirstInGradients(IEnumerable<(string Name, nn.Module Module)> networks) =>
        First(networks, parameter => parameter.grad);

    /// <summary>"G_A model.18.weight (3 of 588 values)" for the first parameter that is not finite, or null when all are.</summary>
    public static string? FirstInWeights(IEnumerable<(string Name, nn.Module Module)> networks) =>
        First(networks, parameter => parameter);

    /// <summary>"loss D_A = NaN" for the first loss that is not finite, or null when all are.</summary>
    public static string? FirstInLosses(IReadOnlyDictionary<string, double> losses) =>
        losses.Where(pair => !double.IsFinite(pair.Value)).Select(pair => $"loss {pair.Key} = {pair.Value}").FirstOrDefault();

    /// <summary>"the gradient of G_A model.18.weight (…)" for the first non-finite gradient, or null when all are finite.</summary>
    public static string? GradientOf(IEnumerable<(string Name, nn.Module Module)> networks) =>
        FirstInGradients(networks) is string where ? "the gradient of " + where : null;

    private static string? First(IEnumerable<(string Name, nn.Module Module)> networks, Func<Tensor, Tensor?> select)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var tensors = networks
            .SelectMany(network => network.Module.named_parameters().Select(p => (Name: $"{network.Name} {p.name}", Values: select(p.parameter))))
            .Where(t => t.Values is not null)
            .ToList();
        if (tensors.Count == 0 || stack(tensors.Select(t => t.Values!.isfinite().all()).ToList()).all().item<bool>())
        {
            return null;
        }
        var (name, values) = tensors.First(t => !t.Values!.isfinite().all().item<bool>());
        var bad = (~values!.isfinite()).sum().item<long>();
        return $"{name} ({bad} of {values.numel()} values)";
    }
}
