namespace StyleForge.Plugins.GanKit.Model;

/// <summary>The shape of a ResNet generator: base filter count, residual block count and how it upsamples.</summary>
/// <param name="Ngf">Filters of the first convolution (the reference uses 64).</param>
/// <param name="Blocks">Residual blocks (the reference uses 9 at 256 px, 6 at 128 px).</param>
/// <param name="Upsample">Transposed convolutions (the reference) or resize-then-convolve.</param>
internal sealed record GeneratorArchitecture(int Ngf, int Blocks, GeneratorUpsampling Upsample = GeneratorUpsampling.Transpose);
