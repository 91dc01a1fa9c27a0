namespace StyleForge.Plugins.ColorTransfer;

/// <summary>Accumulates lαβ sums over the textures of one domain, then yields its <see cref="ChannelStatistics"/>.</summary>
internal sealed class DomainStatisticsAccumulator
{
    // Sums in double: 200 textures of 128 x 128 is 3.3 million pixels, far inside double's exact range for these magnitudes.
    private readonly double[] _sum = new double[3];
    private readonly double[] _sumOfSquares = new double[3];
    private long _pixels;
    private int _textures;

    /// <summary>Adds every pixel of a texture; fully transparent pixels carry no colour and are skipped.</summary>
    public void Add(TextureBuffer texture)
    {
        var data = texture.Pixels;
        var channels = texture.Channels;
        var count = texture.Width * texture.Height;
        for (var i = 0; i < count; i++)
        {
            var o = i * channels;
            if (texture.HasAlpha && data[o + channels - 1] <= 0f)
            {
                continue;
            }
            var (r, g, b) = channels >= 3 ? (data[o], data[o + 1], data[o + 2]) : (data[o], data[o], data[o]);
            var (l, alpha, beta) = LabColorSpace.FromSrgb(r, g, b);
            Accumulate(0, l);
            Accumulate(1, alpha);
            Accumulate(2, beta);
            _pixels++;
        }
        _textures++;
    }

    private void Accumulate(int channel, double value)
    {
        _sum[channel] += value;
        _sumOfSquares[channel] += value * value;
    }

    /// <summary>The statistics so far; throws when no pixel was seen, since a transfer needs both domains.</summary>
    public ChannelStatistics Result(string domainName)
    {
        if (_pixels == 0)
        {
            throw new PluginException($"domain {domainName} has no visible pixels to measure; give it at least one opaque texture");
        }
        var mean = new double[3];
        var std = new double[3];
        for (var c = 0; c < 3; c++)
        {
            mean[c] = _sum[c] / _pixels;
            std[c] = Math.Sqrt(Math.Max(0, _sumOfSquares[c] / _pixels - mean[c] * mean[c]));
        }
        return new ChannelStatistics(mean, std, _pixels, _textures);
    }
}
