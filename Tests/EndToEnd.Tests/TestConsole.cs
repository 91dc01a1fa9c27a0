using Spectre.Console;
using StyleForge.Host.Terminal;

namespace StyleForge.EndToEnd.Tests;

/// <summary>A real <see cref="HostConsole"/> whose two channels write into strings the test can read.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter _error = new();
    private readonly StringWriter _output = new();

    public TestConsole()
    {
        Console = new HostConsole(Create(_error), Create(_output));
    }

    public HostConsole Console { get; }

    public string Error => _error.ToString();

    public string Output => _output.ToString();

    private static IAnsiConsole Create(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        // Interactive: the live progress bars render into the string like on a terminal.
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(writer),
    });
}
