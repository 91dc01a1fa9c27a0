using StyleForge.Plugins;

namespace StyleForge.Engine.Runs;

/// <summary>
/// How the engine tells a front end what is happening: messages for people and the progress of long work. The engine
/// never prints; the CLI draws these on the terminal (Host/Terminal), a test may collect them.
/// </summary>
public interface IStageReporter
{
    /// <summary>True when a failure should carry the stack trace behind it (--verbose), for plugin authors.</summary>
    bool Verbose { get; }

    void Info(string message);

    void Warn(string message);

    /// <summary>Runs <paramref name="work"/> while showing the progress it reports under <paramref name="title"/>.</summary>
    T WithProgress<T>(string title, Func<IProgress<PluginProgress>, T> work);
}
