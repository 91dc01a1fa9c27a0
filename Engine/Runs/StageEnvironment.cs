using StyleForge.Plugins;

namespace StyleForge.Engine.Runs;

/// <summary>
/// What every stage of the engine runs with besides its request: where messages go, the run log (a pipeline's run
/// folder has one, a single verb has none), the seed and device plugins get, and the stop signal.
/// </summary>
public sealed record StageEnvironment(IStageReporter Reporter, RunLog? Log, int Seed, string Device, CancellationToken Cancellation)
{
    /// <summary>The context a plugin gets for work in <paramref name="workDirectory"/>, reporting to <paramref name="progress"/>.</summary>
    public HostPluginContext PluginContext(string workDirectory, IProgress<PluginProgress> progress) =>
        new(Reporter, Log, workDirectory, progress, Cancellation, Seed, Device);
}
