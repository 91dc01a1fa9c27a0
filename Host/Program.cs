using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;

// The first Ctrl+C or SIGTERM asks the running step to stop cleanly (checkpoint, manifest, no half-written files); a second one kills.
using var stop = new StopRequest();
var exit = await StyleForgeApp.Create(HostConsole.CreateDefault()).RunAsync(StyleForgeApp.NormalizeArguments(args), stop.Token);
return stop.ExitCode(exit);
