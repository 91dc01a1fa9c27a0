namespace StyleForge.Plugins;

/// <summary>What the host gives a plugin for one operation.</summary>
public interface IPluginContext
{
    /// <summary>A scratch folder the plugin may write to for this run.</summary>
    string WorkDirectory { get; }

    /// <summary>Where to report progress; the host draws it.</summary>
    IProgress<PluginProgress> Progress { get; }

    /// <summary>Where to write messages for people.</summary>
    IPluginLog Log { get; }

    /// <summary>Signals that the user asked to stop.</summary>
    CancellationToken Cancellation { get; }

    /// <summary>The run's random seed.</summary>
    int Seed { get; }

    /// <summary>The requested device: "auto", "cpu" or "cuda".</summary>
    string Device { get; }
}
