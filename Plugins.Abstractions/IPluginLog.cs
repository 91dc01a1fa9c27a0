namespace StyleForge.Plugins;

/// <summary>Messages for people, shown by the host and kept in the run log.</summary>
public interface IPluginLog
{
    /// <summary>Something worth knowing.</summary>
    /// <param name="message">The message.</param>
    void Info(string message);

    /// <summary>Something that may need attention.</summary>
    /// <param name="message">The message.</param>
    void Warn(string message);
}
