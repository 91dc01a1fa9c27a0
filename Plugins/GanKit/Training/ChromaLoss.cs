using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// The chroma term: how far a generator turns each pixel's colour. A pixel's colour direction is its RGB vector whatever
/// its length; the term is 1 - the cosine between the input's and the output's, averaged over the pixels with each
/// weighted by the darker of its two brightnesses (the vectors' lengths).
/// <para>
/// A change of lighting makes a surface brighter or darker far more than it changes its colour: a red curtain lit from
/// behind is a brighter red, a blue sky reflection at night is a darker blue. So the term charges a pixel that is bright
/// in both images and changes colour, and charges almost nothing for a pixel that goes dark. It lets a generator darken
/// anything, but light only what keeps its colour. Unpaired losses alone cannot tell which day windows light at night;
/// docs/cyclegan.md ("The chroma term") has the measurements.
/// </para>
/// </summary>
internal static class ChromaLoss
{
    /// <summary>
    /// Keeps the cosine and its gradient finite on black pixels: a length is sqrt(|rgb|^2 + epsilon^2), so a pixel 0.05
    /// bright keeps its cosine to within 2e-4.
    /// </summary>
    private const double Epsilon = 1e-3;

    /// <summary>
    /// The term for a batch of inputs and the generator's outputs, both N x 3 x H x W in [-1, 1] as the generators work.
    /// The weights are constants: the term turns colours, it never pulls a pixel darker to make itself smaller.
    /// </summary>
    public static Tensor Compute(Tensor input, Tensor output)
    {
        using var scope = NewDisposeScope();
        var a = (input + 1) * 0.5;
        var b = (output + 1) * 0.5;
        var lengthA = ((a * a).sum(1, keepdim: true) + Epsilon * Epsilon).sqrt();
        var lengthB = ((b * b).sum(1, keepdim: true) + Epsilon * Epsilon).sqrt();
        var cosine = (a * b).sum(1, keepdim: true) / (lengthA * lengthB);
        var weight = minimum(lengthA, lengthB).detach();
        return (((1 - cosine) * weight).sum() / weight.sum()).MoveToOuterDisposeScope();
    }
}
