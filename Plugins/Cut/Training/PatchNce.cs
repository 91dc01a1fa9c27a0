using static TorchSharp.torch;

namespace StyleForge.Plugins.Cut.Training;

/// <summary>
/// The PatchNCE loss of Park et al. (2020), eq. 2-3: each output patch (query) must pick its own input patch (the
/// positive key) out of the other patches of the same image (the negatives). Logits are dot products of unit vectors
/// over the temperature; a query's similarity to its own position among the negatives is replaced by -10 (the
/// reference's "exp(-10), almost zero") before dividing by the temperature.
/// </summary>
internal static class PatchNce
{
    /// <summary>
    /// Per-patch cross-entropy losses [B x P] for <paramref name="queries"/> and <paramref name="keys"/> ([B x P, D],
    /// batch-major, rows of unit length). Keys are detached: the loss trains the output side only, as in the reference.
    /// Negatives come from the same image only (the reference's default for CUT and FastCUT).
    /// </summary>
    public static Tensor Loss(Tensor queries, Tensor keys, int batchSize, double temperature)
    {
        using var scope = NewDisposeScope();
        var count = queries.shape[0];
        var dimension = queries.shape[1];
        keys = keys.detach();
        var positive = (queries * keys).sum(1, keepdim: true);
        var patches = count / batchSize;
        var q = queries.view(batchSize, patches, dimension);
        var k = keys.view(batchSize, patches, dimension);
        var negative = bmm(q, k.transpose(2, 1));
        var diagonal = eye(patches, dtype: ScalarType.Bool, device: queries.device).unsqueeze(0);
        negative = negative.masked_fill(diagonal, -10.0).view(-1, patches);
        var logits = cat([positive, negative], 1) / temperature;
        var targets = zeros(count, dtype: ScalarType.Int64, device: queries.device);
        return nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.None).MoveToOuterDisposeScope();
    }
}
