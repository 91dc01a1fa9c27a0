namespace StyleForge.Viewer;

/// <summary>Thrown when no window can be opened (no X display); callers can fall back to a headless sheet.</summary>
public sealed class DisplayUnavailableException : Exception
{
    internal DisplayUnavailableException(string message)
        : base(message)
    {
    }
}
