using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>One loaded generator (one direction of a model) applied to textures by <see cref="TextureTranslator"/>.</summary>
internal sealed class GeneratorStylizer : IStylizer
{
    private readonly ResnetGenerator _generator;
    private readonly Device _device;
    private readonly string _method;

    /// <summary>Takes ownership of <paramref name="generator"/>; <paramref name="method"/> names the model in messages ("CycleGAN").</summary>
    public GeneratorStylizer(ResnetGenerator generator, Device device, string method)
    {
        _generator = generator;
        _device = device;
        _method = method;
    }

    public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
    {
        if (rgb.Channels != 3)
        {
            throw new ArgumentException($"{_method} stylizes RGB textures (3 channels), got {rgb.Channels}; the host converts gray and alpha.", nameof(rgb));
        }
        return TextureTranslator.Translate(_generator, _device, rgb, settings, cancellation);
    }

    public void Dispose() => _generator.Dispose();
}
