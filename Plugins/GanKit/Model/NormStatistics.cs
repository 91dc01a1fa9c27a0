using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// Instance-norm statistics shared by all <see cref="InstanceNorm"/> layers of one generator.
/// Tiled inference records them on the whole (or a downscaled) image, then replays them for every
/// tile, so tiles do not drift in tone. Each generator forward pass starts a new pass: recording
/// starts afresh, replay starts again at the first layer.
/// </summary>
internal sealed class NormStatistics : IDisposable
{
    private readonly List<(Tensor Mean, Tensor Variance)> _layers = [];
    private int _nextLayer;

    /// <summary>The current mode; <see cref="NormMode.PerSample"/> until changed.</summary>
    public NormMode Mode { get; private set; } = NormMode.PerSample;

    /// <summary>Number of layers whose statistics are stored.</summary>
    public int RecordedLayers => _layers.Count;

    /// <summary>Normalise by each input's own statistics and forget stored ones.</summary>
    public void UsePerSample()
    {
        Clear();
        Mode = NormMode.PerSample;
    }

    /// <summary>Record statistics during the next forward passes (each pass replaces the last).</summary>
    public void Record()
    {
        Clear();
        Mode = NormMode.Record;
    }

    /// <summary>Normalise every later forward pass with the recorded statistics.</summary>
    public void Replay()
    {
        if (_layers.Count == 0)
        {
            throw new InvalidOperationException("No instance-norm statistics were recorded: run a forward pass in Record mode first.");
        }
        Mode = NormMode.Replay;
        _nextLayer = 0;
    }

    /// <summary>Called by the generator at the start of each forward pass.</summary>
    internal void BeginPass()
    {
        if (Mode == NormMode.Record)
        {
            Clear();
        }
        _nextLayer = 0;
    }

    /// <summary>Per sample and channel mean and biased variance of <paramref name="input"/>, stored for the layer that runs next.</summary>
    internal (Tensor Mean, Tensor Variance) RecordLayer(Tensor input)
    {
        using var _ = no_grad();
        var mean = input.mean([2, 3], keepdim: true);
        var variance = input.var([2, 3], unbiased: false, keepdim: true);
        // Stored statistics outlive the caller's dispose scope; this object disposes them.
        _layers.Add((mean.detach().DetachFromDisposeScope(), variance.detach().DetachFromDisposeScope()));
        return _layers[^1];
    }

    /// <summary>The statistics recorded for the layer that runs next.</summary>
    internal (Tensor Mean, Tensor Variance) NextLayer()
    {
        if (_nextLayer >= _layers.Count)
        {
            throw new InvalidOperationException(
                $"Only {_layers.Count} instance-norm layers were recorded, but the generator ran more: record with the same generator.");
        }
        return _layers[_nextLayer++];
    }

    public void Dispose() => Clear();

    private void Clear()
    {
        foreach (var (mean, variance) in _layers)
        {
            mean.Dispose();
            variance.Dispose();
        }
        _layers.Clear();
        _nextLayer = 0;
    }
}
