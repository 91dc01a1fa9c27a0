using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the running step to stop cleanly (checkpoint, no half-written files); a second one kills.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};
return await StyleForgeApp.Create(HostConsole.CreateDefault()).RunAsync(StyleForgeApp.NormalizeArguments(args), cancellation.Token);
