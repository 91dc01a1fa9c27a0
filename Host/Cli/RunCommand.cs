using Spectre.Console.Cli;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Cli;

/// <summary><c>styleforge run FILE</c>: validate the whole pipeline, then run it.</summary>
internal sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    private readonly HostConsole _console;

    public RunCommand(HostConsole console) => _console = console;

    public sealed class Settings : PipelineSettings
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var catalog = settings.LoadCatalog(_console);
        PipelineDocument document;
        try
        {
            document = new PipelineLoader(StepKinds.All, catalog).Load(settings.File, settings.Set);
        }
        catch (PipelineValidationException ex)
        {
            ValidateCommand.ReportErrors(_console, ex);
            return ExitCodes.Usage;
        }
        return await new PipelineRunner(_console, catalog).RunAsync(document, cancellation);
    }
}
