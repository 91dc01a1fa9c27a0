using Spectre.Console;
using StyleForge.Engine.Runs;
using StyleForge.Plugins;

namespace StyleForge.Host.Terminal;

/// <summary>
/// The two output channels: people-facing progress, logs and errors go to stderr; results that
/// scripts read (tables, JSON) go to stdout. The engine's messages and progress arrive here through
/// <see cref="IStageReporter"/>.
/// </summary>
internal sealed class HostConsole : IStageReporter
{
    public HostConsole(IAnsiConsole error, IAnsiConsole output)
    {
        Error = error;
        Output = output;
    }

    public IAnsiConsole Error { get; }

    public IAnsiConsole Output { get; }

    public static HostConsole CreateDefault() => new(
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }));

    /// <summary>Set by --verbose: errors caused by an exception also show its stack trace, for plugin authors.</summary>
    public bool Verbose { get; set; }

    /// <summary>Shows an error for people: no stack trace.</summary>
    public void Fail(string message) => Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");

    /// <summary>Shows an error for people, and with --verbose the stack trace of the exception behind it.</summary>
    public void Fail(string message, Exception? cause)
    {
        Fail(message);
        if (Verbose && cause is not null)
        {
            Error.WriteLine(cause.ToString());
        }
    }

    public void Warn(string message) => Error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");

    public void Info(string message) => Error.MarkupLine(Markup.Escape(message));

    public T WithProgress<T>(string title, Func<IProgress<PluginProgress>, T> work) => ProgressDisplay.Run(this, title, work);
}
