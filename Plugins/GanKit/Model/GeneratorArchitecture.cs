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
    /// <summary>The shape in words, for messages: "ngf 16, 4 blocks, resize upsampling, affine head".</summary>
    public string Summary => $"ngf {Ngf}, {Blocks} blocks, {Upsample.ToString().ToLowerInvariant()} upsampling, {Head.ToString().ToLowerInvariant()} head";
}
