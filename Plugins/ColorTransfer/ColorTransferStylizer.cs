namespace StyleForge.Plugins.ColorTransfer;

/// <summary>
/// Applies the Reinhard transfer to one texture: in lαβ, every channel is shifted and scaled so
/// that the source domain's mean and spread become the target domain's.
/// </summary>
internal sealed class ColorTransferStylizer : IStylizer
{
    /// <summary>Guards the scale against a domain whose channel does not vary at all.</summary>
    private const double MinimumSpread = 1e-6;

    private readonly ChannelStatistics _source;
    private readonly ChannelStatistics _target;
    private readonly double _strength;

    public ColorTransferStylizer(ChannelStatistics source, ChannelStatistics target, double strength)
    {
        _source = source;
        _target = target;
        _strength = strength;
    }

    public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
    {
        if (rgb.Channels != 3)
        {
            throw new ArgumentException($"colortransfer expects 3 channels, got {rgb.Channels}.", nameof(rgb));
        }
        var output = new TextureBuffer(rgb.Width, rgb.Height, 3) { BitDepth = rgb.BitDepth, Encoding = rgb.Encoding };
        var input = rgb.Pixels;
        var result = output.Pixels;
        Span<double> scale = stackalloc double[3];
        for (var c = 0; c < 3; c++)
        {
            scale[c] = _target.StandardDeviation[c] / Math.Max(MinimumSpread, _source.StandardDeviation[c]);
        }
        for (var y = 0; y < rgb.Height; y++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (var x = 0; x < rgb.Width; x++)
            {
                var i = rgb.IndexOf(x, y, 0);
                var (l, a, b) = LabColorSpace.FromSrgb(input[i], input[i + 1], input[i + 2]);
                var (r, g, bl) = LabColorSpace.ToSrgb(
                    Transfer(l, 0, scale[0]), Transfer(a, 1, scale[1]), Transfer(b, 2, scale[2]));
                result[i] = Blend(input[i], r);
                result[i + 1] = Blend(input[i + 1], g);
                result[i + 2] = Blend(input[i + 2], bl);
            }
        }
        return output;
    }

    private double Transfer(double value, int channel, double scale) =>
        (value - _source.Mean[channel]) * scale + _target.Mean[channel];

    /// <summary>Strength 1 is the full transfer, 0 the input; blending in sRGB keeps partial strengths predictable for artists.</summary>
    private float Blend(float original, double transferred) =>
        (float)Math.Clamp(original + _strength * (transferred - original), 0, 1);

    public void Dispose()
    {
        // Holds only managed statistics.
    }
}
