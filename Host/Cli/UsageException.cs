namespace StyleForge.Host.Cli;

/// <summary>Bad usage found while a command runs (a --plugins folder that does not exist); exit 2, message without a stack trace.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message)
    {
    }
}
