using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// The reference's ReflectionPad2d, with a switchable mode so seamless inference can wrap instead.
/// It has no weights, so switching leaves the saved model unchanged.
/// </summary>
internal sealed class BorderPad : nn.Module<Tensor, Tensor>
{
    private readonly long[] _sides;

    public BorderPad(long size) : base(nameof(BorderPad)) => _sides = [size, size, size, size];

    /// <summary>Pixels added on each side.</summary>
    public long Size => _sides[0];

    /// <summary>The current border treatment; reflect unless the generator was switched.</summary>
    public PaddingMode Mode { get; set; } = PaddingMode.Reflect;

    public override Tensor forward(Tensor input) =>
        nn.functional.pad(input, _sides, Mode == PaddingMode.Circular ? PaddingModes.Circular : PaddingModes.Reflect);
}
