namespace StyleForge.Plugins.CycleGan.Model;

/// <summary>The shape of a ResNet generator: base filter count and residual block count.</summary>
/// <param name="Ngf">Filters of the first convolution (the reference uses 64).</param>
/// <param name="Blocks">Residual blocks (the reference uses 9 at 256 px, 6 at 128 px).</param>
internal sealed record GeneratorArchitecture(int Ngf, int Blocks);
