namespace StyleForge.Host;

/// <summary>The process exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;

    /// <summary>The job ran but something failed, for example some files did not convert.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or invalid input; nothing was run.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C after saving what can be resumed (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM after saving what can be resumed, the same way as Ctrl+C (128 + SIGTERM).</summary>
    public const int Terminated = 143;
}
