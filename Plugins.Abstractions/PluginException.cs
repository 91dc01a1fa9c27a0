namespace StyleForge.Plugins;

/// <summary>
/// A failure a person can act on, such as an incompatible checkpoint. Hosts show the message
/// without a stack trace.
/// </summary>
public sealed class PluginException : Exception
{
    /// <summary>Creates the exception with a message for people.</summary>
    /// <param name="message">What went wrong, where, and what to do.</param>
    public PluginException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message for people and the underlying cause.</summary>
    /// <param name="message">What went wrong, where, and what to do.</param>
    /// <param name="inner">The cause.</param>
    public PluginException(string message, Exception inner) : base(message, inner)
    {
    }
}
