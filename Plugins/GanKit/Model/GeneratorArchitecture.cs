namespace StyleForge.Plugins.GanKit.Model;

/// <summary>The shape of a ResNet generator: base filter count, residual block count, how it upsamples and how its output becomes an image.</summary>
/// <param name="Ngf">Filters of the first convolution (the reference uses 64).</param>
/// <param name="Blocks">Residual blocks (the reference uses 9 at 256 px, 6 at 128 px).</param>
/// <param name="Upsample">Transposed convolutions (the reference) or resize-then-convolve.</param>
/// <param name="Head">The image directly (the reference) or a per-pixel colour transform of the input.</param>
internal sealed record GeneratorArchitecture(
    int Ngf,
    int Blocks,
    GeneratorUpsampling Upsample = GeneratorUpsampling.Transpose,
    GeneratorHead Head = GeneratorHead.Direct)
{
    /// <summary>The upsampling's name in options, generator.json and ONNX metadata: "transpose" or "resize".</summary>
    public string UpsampleName => Upsample.ToString().ToLowerInvariant();

    /// <summary>The head's name in options, generator.json and ONNX metadata: "direct" or "affine".</summary>
    public string HeadName => Head.ToString().ToLowerInvariant();

    /// <summary>The shape in words, for messages: "ngf 16, 4 blocks, resize upsampling, affine head".</summary>
    public string Summary => $"ngf {Ngf}, {Blocks} blocks, {UpsampleName} upsampling, {HeadName} head";

    /// <summary>
    /// The upsampling <paramref name="name"/> (<see cref="UpsampleName"/>) stands for; no name, as in options and files from
    /// before the value existed, is the reference's transpose; null for any other word.
    /// </summary>
    public static GeneratorUpsampling? UpsampleNamed(string? name) => name switch
    {
        null or "transpose" => GeneratorUpsampling.Transpose,
        "resize" => GeneratorUpsampling.Resize,
        _ => null,
    };

    /// <summary>The head <paramref name="name"/> (<see cref="HeadName"/>) stands for; no name is the reference's direct head; null for any other word.</summary>
    public static GeneratorHead? HeadNamed(string? name) => name switch
    {
        null or "direct" => GeneratorHead.Direct,
        "affine" => GeneratorHead.Affine,
        _ => null,
    };
}
