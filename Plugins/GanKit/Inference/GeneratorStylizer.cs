using System.Globalization;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>
/// One loaded generator (one direction of a model) applied to textures by <see cref="TextureTranslator"/>, at the
/// model's working scale (<see cref="WorkingScale"/>): below 1, each texture is shrunk by it first and the result is
/// resized back to the texture's size.
/// </summary>
internal sealed class GeneratorStylizer : IStylizer
{
    private readonly ResnetGenerator _generator;
    private readonly Device _device;
    private readonly string _method;
    private readonly double _workingScale;
    private readonly bool _guided;

    /// <summary>
    /// Takes ownership of <paramref name="generator"/>; <paramref name="method"/> names the model in messages ("CycleGAN").
    /// Below scale 1, <paramref name="guided"/> brings results back guided by the texture, otherwise by a plain resize.
    /// </summary>
    public GeneratorStylizer(ResnetGenerator generator, Device device, string method, double workingScale = 1, bool guided = true)
    {
        WorkingScale.Check(workingScale, method);
        _generator = generator;
        _device = device;
        _method = method;
        _workingScale = workingScale;
        _guided = guided;
    }

    /// <summary>
    /// Loads <paramref name="direction"/>'s generator of the model in <paramref name="modelDirectory"/> with its working
    /// scale, and says so when the model converts at a scale other than 1; the plugin's <c>upscale</c> option in
    /// <paramref name="options"/> says how results come back from that scale.
    /// </summary>
    public static GeneratorStylizer Open(string modelDirectory, TranslationDirection direction, Device device, string method, OptionValues options,
        IPluginLog log)
    {
        var guided = GanOptions.Upscale.Read(options) == "guided";
        var workingScale = GeneratorExport.ReadWorkingScale(modelDirectory);
        var generator = GeneratorExport.Load(modelDirectory, direction, device);
        if (workingScale != 1)
        {
            log.Info($"{method} model learned its textures scaled by {workingScale.ToString("0.###", CultureInfo.InvariantCulture)} (training's load_size): each texture is " +
                $"converted at that scale and the result brought back to the texture's size {(guided ? "guided by the texture (upscale: guided)" : "by a plain resize (upscale: resize)")}");
        }
        return new GeneratorStylizer(generator, device, method, workingScale, guided);
    }

    public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
    {
        if (rgb.Channels != 3)
        {
            throw new ArgumentException($"{_method} stylizes RGB textures (3 channels), got {rgb.Channels}; the host converts gray and alpha.", nameof(rgb));
        }
        return TextureResample.AtScale(rgb, _workingScale, settings.Seamless, _guided,
            texture => TextureTranslator.Translate(_generator, _device, texture, settings, cancellation));
    }

    public void Dispose() => _generator.Dispose();
}
