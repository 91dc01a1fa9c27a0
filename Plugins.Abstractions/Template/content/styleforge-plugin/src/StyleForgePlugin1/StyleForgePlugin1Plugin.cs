using StyleForge.Plugins;
#if (trainable)
using System.Text.Json;
#endif

// The host finds your entry type through this attribute; one assembly may name several.
[assembly: StyleForgePlugin(typeof(StyleForgePlugin1.StyleForgePlugin1Plugin))]

namespace StyleForgePlugin1;

#if (trainable)
/// <summary>
/// Learns the average colour difference between two texture folders (styleforge train) and shifts
/// textures by it (styleforge convert --model). Replace the learning and the shift with your own.
/// </summary>
public sealed class StyleForgePlugin1Plugin : ITrainableStylizerPlugin
{
    private const string ModelFile = "mean-shift.json";

    /// <summary>The name, versions and options the host shows and validates.</summary>
    public PluginDescriptor Descriptor { get; } = new(
        Name: "styleforgeplugin1",
        Version: "0.1.0",
        ApiVersion: PluginApi.Current,
        Description: "Shifts colours by the mean difference between domain A and domain B.",
        Options: new[]
        {
            new PluginOption("strength", PluginOptionType.Number, "1", "How much of the learned shift to apply, 0 to 1.") { Minimum = 0, Maximum = 1 },
        });

    /// <summary>Reads both folders once and writes the learned shift into the model folder the host gave.</summary>
    public TrainingResult Train(TrainingRequest request, IPluginContext context)
    {
        var meanA = MeanColour(request.DomainA, context.Cancellation);
        var meanB = MeanColour(request.DomainB, context.Cancellation);
        var shift = new[] { meanB[0] - meanA[0], meanB[1] - meanA[1], meanB[2] - meanA[2] };
        File.WriteAllText(Path.Combine(request.OutputDirectory, ModelFile), JsonSerializer.Serialize(shift));
        context.Log.Info($"learned shift {shift[0]:F3} {shift[1]:F3} {shift[2]:F3}");
        // Return the folder you were given: the host marks it as the model and finds this plugin again from it.
        return new TrainingResult(request.OutputDirectory, 1, new Dictionary<string, double> { ["shift_red"] = shift[0] });
    }

    /// <summary>Loads the shift the training wrote; the host passes the model folder in the request.</summary>
    public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context)
    {
        var file = Path.Combine(request.ModelDirectory ?? throw new PluginException("this plugin needs a trained model: pass --model"), ModelFile);
        if (!File.Exists(file))
        {
            throw new PluginException($"{file} is missing: the model folder was not written by this plugin's training");
        }
        var shift = JsonSerializer.Deserialize<double[]>(File.ReadAllText(file))!;
        var sign = request.Direction == TranslationDirection.AToB ? 1 : -1;
        var strength = request.Options.GetNumber("strength");
        return new MeanShift(shift.Select(s => (float)(sign * strength * s)).ToArray());
    }

    private static double[] MeanColour(ITextureSet set, CancellationToken cancellation)
    {
        var sum = new double[3];
        long pixels = 0;
        for (var i = 0; i < set.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var texture = set.Load(i);
            for (var p = 0; p < texture.Width * texture.Height; p++)
            {
                for (var c = 0; c < 3; c++)
                {
                    // Gray textures repeat their one colour channel.
                    sum[c] += texture.Pixels[p * texture.Channels + Math.Min(c, texture.Channels < 3 ? 0 : c)];
                }
            }
            pixels += (long)texture.Width * texture.Height;
        }
        return sum.Select(s => s / Math.Max(pixels, 1)).ToArray();
    }
}

/// <summary>Adds a fixed offset to each channel, keeping values in [0, 1].</summary>
internal sealed class MeanShift : IStylizer
{
    private readonly float[] _shift;

    public MeanShift(float[] shift) => _shift = shift;

    public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
    {
        var output = new TextureBuffer(rgb.Width, rgb.Height, 3);
        for (var i = 0; i < rgb.Pixels.Length; i++)
        {
            output.Pixels[i] = Math.Clamp(rgb.Pixels[i] + _shift[i % 3], 0f, 1f);
        }
        return output;
    }

    public void Dispose()
    {
    }
}
#else
/// <summary>
/// Posterizes colours to a few levels per channel. It needs no model, so the host runs it with
/// styleforge convert --plugin and hands it a null model folder. Replace the pixel loop with your own.
/// </summary>
public sealed class StyleForgePlugin1Plugin : IStylizerPlugin
{
    /// <summary>The name, versions and options the host shows and validates.</summary>
    public PluginDescriptor Descriptor { get; } = new(
        Name: "styleforgeplugin1",
        Version: "0.1.0",
        ApiVersion: PluginApi.Current,
        Description: "Posterizes colours to a few levels per channel.",
        Options: new[]
        {
            new PluginOption("levels", PluginOptionType.Integer, "4", "Levels per colour channel, 2 to 256.") { Minimum = 2, Maximum = 256 },
        });

    /// <summary>Options arrive validated, with defaults filled in.</summary>
    public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context) =>
        new Posterizer((int)request.Options.GetInteger("levels"));
}

/// <summary>Rounds each channel to the nearest of <c>levels</c> evenly spaced values.</summary>
internal sealed class Posterizer : IStylizer
{
    private readonly float _steps;

    public Posterizer(int levels) => _steps = levels - 1;

    public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
    {
        // Return finite values in [0, 1], as many as you got: the host refuses anything else, naming this plugin.
        var output = new TextureBuffer(rgb.Width, rgb.Height, 3);
        for (var i = 0; i < rgb.Pixels.Length; i++)
        {
            output.Pixels[i] = MathF.Round(Math.Clamp(rgb.Pixels[i], 0f, 1f) * _steps) / _steps;
        }
        return output;
    }

    public void Dispose()
    {
    }
}
#endif
