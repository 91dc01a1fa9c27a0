using System.Runtime.InteropServices;

namespace StyleForge.Host.Terminal;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into one cancellation, so both stop a command cleanly: the
/// current file is finished or abandoned, nothing is left half-written, and the manifest or
/// checkpoint is saved. SIGTERM is what Kubernetes, Slurm and systemd send before they kill; it
/// used to end the process at once and lose the record of finished work. A second signal of either
/// kind ends the process the default way.
/// </summary>
internal sealed class StopRequest : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration _terminate;
    private volatile bool _terminated;

    public StopRequest()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>
    /// The process exit code: a command stopped by SIGTERM reports 143 (128 + 15), the shell's
    /// convention, so a job runner tells it from Ctrl+C's 130.
    /// </summary>
    public int ExitCode(int commandExit) =>
        _terminated && commandExit == ExitCodes.Cancelled ? ExitCodes.Terminated : commandExit;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _cancellation.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (!_cancellation.IsCancellationRequested)
        {
            e.Cancel = true;
            _cancellation.Cancel();
        }
    }

    private void OnTerminate(PosixSignalContext context)
    {
        if (!_cancellation.IsCancellationRequested)
        {
            context.Cancel = true;
            _terminated = true;
            _cancellation.Cancel();
        }
    }
}
