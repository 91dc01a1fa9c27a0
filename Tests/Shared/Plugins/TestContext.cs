using StyleForge.Plugins;

namespace StyleForge.Tests;

/// <summary>
/// A plugin context that records progress synchronously (IProgress reports arrive on the training
/// thread, in order) and can cancel itself after a given iteration, like Ctrl+C would.
/// </summary>
internal sealed class TestContext : IPluginContext, IPluginLog, IProgress<PluginProgress>, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly long? _cancelAfter;
    private readonly Action<PluginProgress>? _onProgress;

    public TestContext(string workDirectory, int seed = 1, long? cancelAfter = null, Action<PluginProgress>? onProgress = null)
    {
        WorkDirectory = workDirectory;
        Seed = seed;
        _cancelAfter = cancelAfter;
        _onProgress = onProgress;
    }

    public string WorkDirectory { get; }
    public IProgress<PluginProgress> Progress => this;
    public IPluginLog Log => this;
    public CancellationToken Cancellation => _cancellation.Token;
    public int Seed { get; }
    public string Device => "cpu";
    public List<PluginProgress> Reports { get; } = [];
    public List<string> Messages { get; } = [];

    public void Report(PluginProgress value)
    {
        Reports.Add(value);
        _onProgress?.Invoke(value);
        if (value.Current == _cancelAfter)
        {
            _cancellation.Cancel();
        }
    }

    public void Info(string message) => Messages.Add("info: " + message);

    public void Warn(string message) => Messages.Add("warn: " + message);

    public void Dispose() => _cancellation.Dispose();
}
