using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace StyleForge.Plugins.Cut.Training;

/// <summary>
/// CUT's feature network F (the reference's PatchSampleF with use_mlp): for each compared generator layer, the
/// features at sampled patch locations pass through a two-layer MLP (Linear, ReLU, Linear, <c>units</c> wide) and are
/// L2-normalised. The same locations are used for the input's and the output's features.
/// </summary>
internal sealed class PatchProjection : Module
{
    // Field name and child names give the saved keys mlp_0.0.weight ..., as the reference's mlp_{i} attributes.
    private readonly ModuleList<Module<Tensor, Tensor>> heads;

    /// <summary>One head per compared layer; <paramref name="layerChannels"/> gives each layer's feature channels.</summary>
    public PatchProjection(IReadOnlyList<long> layerChannels, int units) : base(nameof(PatchProjection))
    {
        heads = new ModuleList<Module<Tensor, Tensor>>();
        foreach (var channels in layerChannels)
        {
            heads.Add(Sequential(Linear(channels, units), ReLU(), Linear(units, units)));
        }
        RegisterComponents();
    }

    /// <summary>
    /// Projects the features of each layer ([B, C, H, W]) at the flat positions <paramref name="locations"/> (one list per
    /// layer, the same for every image of the batch) to [B x P, units] rows of unit length, batch-major.
    /// </summary>
    public IReadOnlyList<Tensor> Project(IReadOnlyList<Tensor> features, IReadOnlyList<Tensor> locations)
    {
        var projected = new List<Tensor>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            projected.Add(Normalize(heads[i].forward(Rows(features[i], locations[i]))));
        }
        return projected;
    }

    /// <summary>The feature vectors of <paramref name="feature"/> ([B, C, H, W]) at flat positions <paramref name="locations"/>: [B x P, C], batch-major.</summary>
    public static Tensor Rows(Tensor feature, Tensor locations)
    {
        var (batch, channels) = (feature.shape[0], feature.shape[1]);
        return feature.permute(0, 2, 3, 1).reshape(batch, -1, channels).index_select(1, locations).reshape(-1, channels);
    }

    /// <summary>Each row divided by its L2 norm (plus 1e-7, as the reference's Normalize).</summary>
    public static Tensor Normalize(Tensor rows) => rows / (rows.pow(2).sum(1, keepdim: true).sqrt() + 1e-7);
}
