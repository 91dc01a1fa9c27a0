using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Training;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;

namespace StyleForge.Host.Cli;

/// <summary>
/// <c>styleforge export</c>: write one direction of a trained or imported model in a format other programs run. The
/// model's plugin does the writing, when it implements <see cref="IModelExporter"/>; the host checks the format, its
/// version and the direction against what the plugin declares first, so every refusal is a usage error (exit 2).
/// </summary>
internal sealed class ExportCommand : Command<ExportCommand.Settings>
{
    public const string Description =
        "Write one direction of a trained or imported model as a file a game engine or runtime loads (docs/export.md); the model's plugin lists its formats.";

    private readonly HostConsole _console;

    public ExportCommand(HostConsole console) => _console = console;

    public sealed class Settings : PluginSettings
    {
        [CommandOption("--model <RUN_DIR>")]
        [Description("The run folder, training folder or model folder of a trained or imported model. Example: --model runs/daynight")]
        public string? Model { get; init; }

        [CommandOption("--format <NAME>")]
        [Description("The file format to write; may be left out when the model's plugin writes only one. Example: --format NAME (see docs/export.md)")]
        public string? Format { get; init; }

        [CommandOption("--direction <a2b|b2a>")]
        [Description("Which mapping to export. Example: --direction b2a")]
        [DefaultValue("a2b")]
        public string Direction { get; init; } = "a2b";

        [CommandOption("--opset <N>")]
        [Description("The format version to write (the operator-set version); 0 writes the plugin's default, and the error lists the range. Example: --opset 13")]
        [DefaultValue(0)]
        public int Opset { get; init; }

        [CommandOption("--seamless")]
        [Description("Export for tileable textures: the model wraps around the edges instead of mirroring them. Example: --seamless")]
        public bool Seamless { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The file to write; replaced whole. Example: --out build/daynight_a2b.model")]
        public string? Output { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model) || string.IsNullOrWhiteSpace(Output))
            {
                return ValidationResult.Error("export needs --model RUN_DIR and --out FILE");
            }
            if (DirectionNames.Parse(Direction) is null)
            {
                return ValidationResult.Error($"--direction must be a2b or b2a, got '{Direction}'");
            }
            if (Opset < 0)
            {
                return ValidationResult.Error($"--opset must be 0 (the default) or a version number, got {Opset}");
            }
            if (Directory.Exists(Output))
            {
                return ValidationResult.Error($"--out {Output} is a folder; name the file to write");
            }
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var catalog = settings.LoadCatalog(_console);
        (string Directory, ModelManifest Manifest)? found;
        try
        {
            found = Directory.Exists(settings.Model) || File.Exists(settings.Model) ? ModelManifest.Locate(settings.Model!) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            _console.Fail(ex.Message);
            return ExitCodes.Usage;
        }
        if (found is not var (modelDirectory, manifest))
        {
            _console.Fail($"no {ModelManifest.FileName} in or above {settings.Model}; pass the run, training or model folder that 'styleforge train' or 'styleforge import' wrote");
            return ExitCodes.Usage;
        }
        var plugin = catalog.Find(manifest.Plugin);
        if (plugin is null)
        {
            _console.Fail($"the model in {modelDirectory} needs plugin '{manifest.Plugin}': {catalog.WhyMissing(manifest.Plugin)}");
            return ExitCodes.Usage;
        }
        if (plugin.Instance is not IModelExporter exporter)
        {
            _console.Fail($"plugin '{plugin.Name}' cannot export its models: it offers no export format");
            return ExitCodes.Usage;
        }
        var formats = string.Join(", ", exporter.ExportFormats.Select(f => f.Name));
        var format = settings.Format is null
            ? exporter.ExportFormats.Count == 1 ? exporter.ExportFormats[0] : null
            : exporter.ExportFormats.FirstOrDefault(f => string.Equals(f.Name, settings.Format, StringComparison.OrdinalIgnoreCase));
        if (format is null)
        {
            _console.Fail(settings.Format is null
                ? $"plugin '{plugin.Name}' writes {formats}; choose one with --format"
                : $"plugin '{plugin.Name}' cannot write format '{settings.Format}'; it writes {formats}");
            return ExitCodes.Usage;
        }
        var version = settings.Opset == 0 ? format.DefaultVersion : settings.Opset;
        if (version < format.MinimumVersion || version > format.MaximumVersion)
        {
            _console.Fail($"--opset {settings.Opset}: plugin '{plugin.Name}' writes {format.Name} versions {format.MinimumVersion} to {format.MaximumVersion} (default {format.DefaultVersion})");
            return ExitCodes.Usage;
        }
        var direction = DirectionNames.Parse(settings.Direction)!.Value;
        var directions = exporter.ExportableDirections(modelDirectory);
        if (!directions.Contains(direction))
        {
            var held = directions.Count == 0 ? "no direction at all" : string.Join(" and ", directions.Select(Name)) + " only";
            _console.Fail($"the model in {modelDirectory} has no {Name(direction)} mapping: it holds {held}" +
                (directions.Count == 1 ? $"; export with --direction {Name(directions[0])}" : ""));
            return ExitCodes.Usage;
        }
        var output = Path.GetFullPath(settings.Output!);
        var pluginContext = new HostPluginContext(_console, log: null, Path.GetDirectoryName(output)!, new Progress<PluginProgress>(),
            cancellation, seed: 0, device: "cpu");
        try
        {
            exporter.Export(new ModelExportRequest(modelDirectory, direction, format.Name, version, settings.Seamless, output), pluginContext);
            return ExitCodes.Success;
        }
        catch (PluginException ex)
        {
            _console.Fail(ex.Message, ex.InnerException ?? ex);
            return ExitCodes.Failed;
        }
    }

    private static string Name(TranslationDirection direction) => direction == TranslationDirection.AToB ? "a2b" : "b2a";
}
