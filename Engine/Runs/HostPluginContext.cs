using StyleForge.Plugins;

namespace StyleForge.Engine.Runs;

/// <summary>The host's side of <see cref="IPluginContext"/>: messages go to the front end's reporter and the run log.</summary>
public sealed class HostPluginContext : IPluginContext, IPluginLog
{
    private readonly IStageReporter _reporter;
    private readonly RunLog? _log;

    public HostPluginContext(IStageReporter reporter, RunLog? log, string workDirectory, IProgress<PluginProgress> progress,
        CancellationToken cancellation, int seed, string device)
    {
        _reporter = reporter;
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
        _reporter.Info(message);
        _log?.Write("info", message);
    }

    public void Warn(string message)
    {
        _reporter.Warn(message);
        _log?.Write("warn", message);
    }
}
