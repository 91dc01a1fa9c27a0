using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Cli;

/// <summary><c>styleforge validate FILE</c>: all the checks of <c>run</c>, nothing run.</summary>
internal sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    private readonly HostConsole _console;

    public ValidateCommand(HostConsole console) => _console = console;

    public sealed class Settings : PipelineSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var catalog = settings.LoadCatalog(_console);
        try
        {
            var document = new PipelineLoader(StepKinds.All, catalog).Load(settings.File, settings.Set);
            _console.Output.WriteLine($"{settings.File}: valid; {document.Steps.Count} steps ({string.Join(", ", document.Steps.Select(s => s.Id))}); run folder {document.RunDirectory}");
            return ExitCodes.Success;
        }
        catch (PipelineValidationException ex)
        {
            ReportErrors(_console, ex);
            return ExitCodes.Usage;
        }
    }

    public static void ReportErrors(HostConsole console, PipelineValidationException ex)
    {
        foreach (var error in ex.Errors)
        {
            console.Fail(error.ToString());
        }
        console.Error.WriteLine($"{ex.Errors.Count} error(s); nothing was run.");
    }
}
