using StyleForge.Plugins.GanKit.Inference;
using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.Plugins.CycleGan;

/// <summary>One loaded generator (G_A for A to B, G_B for B to A) applied to textures by <see cref="TextureTranslator"/>.</summary>
internal sealed class CycleGanStylizer : IStylizer
{
    private readonly ResnetGenerator _generator;
    private readonly Device _device;

    public CycleGanStylizer(ResnetGenerator generator, Device device)
    {
        _generator = generator;
        _device = device;
    }

    public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
    {
        if (rgb.Channels != 3)
        {
            throw new ArgumentException($"CycleGAN stylizes RGB textures (3 channels), got {rgb.Channels}; the host converts gray and alpha.", nameof(rgb));
        }
        return TextureTranslator.Translate(_generator, _device, rgb, settings, cancellation);
    }

    public void Dispose() => _generator.Dispose();
}
