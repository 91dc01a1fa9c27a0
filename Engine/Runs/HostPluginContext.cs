using StyleForge.Host.Terminal;
using StyleForge.Plugins;

namespace StyleForge.Host.Runs;

/// <summary>The host's side of <see cref="IPluginContext"/>: messages go to the console and the run log.</summary>
internal sealed class HostPluginContext : IPluginContext, IPluginLog
{
    private readonly HostConsole _console;
    private readonly RunLog? _log;

    public HostPluginContext(HostConsole console, RunLog? log, string workDirectory, IProgress<PluginProgress> progress,
        CancellationToken cancellation, int seed, string device)
    {
        _console = console;
        _log = log;
        WorkDirectory = workDirectory;
        Progress = progress;
        Cancellation = cancellation;
        Seed = seed;
        Device = device;
    }

    public string WorkDirectory { get; }

    public IProgress<PluginProgress> Progress { get; }

    public IPluginLog Log => this;

    public CancellationToken Cancellation { get; }

    public int Seed { get; }

    public string Device { get; }

    public void Info(string message)
    {
        _console.Info(message);
        _log?.Write("info", message);
    }

    public void Warn(string message)
    {
        _console.Warn(message);
        _log?.Write("warn", message);
    }
}
