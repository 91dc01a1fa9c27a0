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
/// <c>styleforge import</c>: build a model folder from weights another program wrote, through the plugin that reads
/// them (<see cref="IModelImporter"/>), and write its styleforge-model.json, so it converts and exports like a trained one.
/// </summary>
internal sealed class ImportCommand : Command<ImportCommand.Settings>
{
    public const string Description =
        "Build a model from weights another program wrote, such as a reference CycleGAN generator (latest_net_G.pth); it then converts and exports like a trained one (docs/export.md).";

    /// <summary>The import format of --from-pytorch.</summary>
    private const string PyTorchFormat = "pytorch";

    private readonly HostConsole _console;

    public ImportCommand(HostConsole console) => _console = console;

    public sealed class Settings : PluginSettings
    {
        [CommandOption("--from-pytorch <FILE>")]
        [Description("A PyTorch generator state dict (torch.save of state_dict(), the zip format of PyTorch 1.6 and later). Example: --from-pytorch latest_net_G.pth")]
        public string? FromPyTorch { get; init; }

        [CommandOption("--direction <a2b|b2a>")]
        [Description("Which mapping the file holds; import the other into the same --out to have both. Example: --direction b2a")]
        [DefaultValue("a2b")]
        public string Direction { get; init; } = "a2b";

        [CommandOption("--out <RUN_DIR>")]
        [Description("The model folder to write. Example: --out runs/monet")]
        public string? Output { get; init; }

        [CommandOption("--plugin <NAME>")]
        [Description("The plugin that reads the file, when more than one can. Example: --plugin NAME")]
        public string? Plugin { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(FromPyTorch) || string.IsNullOrWhiteSpace(Output))
            {
                return ValidationResult.Error("import needs --from-pytorch FILE and --out RUN_DIR");
            }
            if (!File.Exists(FromPyTorch))
            {
                return ValidationResult.Error($"file not found: {FromPyTorch}");
            }
            if (DirectionNames.Parse(Direction) is null)
            {
                return ValidationResult.Error($"--direction must be a2b or b2a, got '{Direction}'");
            }
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var catalog = settings.LoadCatalog(_console);
        var importers = catalog.Plugins
            .Where(p => p.Instance is IModelImporter importer && importer.ImportFormats.Contains(PyTorchFormat, StringComparer.OrdinalIgnoreCase))
            .Where(p => settings.Plugin is null || string.Equals(p.Name, settings.Plugin, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (importers.Count != 1)
        {
            _console.Fail(importers.Count == 0
                ? settings.Plugin is null
                    ? "no installed plugin imports PyTorch weights; 'styleforge plugins' lists what is installed"
                    : $"plugin '{settings.Plugin}' does not import PyTorch weights, or is not installed"
                : $"plugins {string.Join(", ", importers.Select(p => p.Name))} all import PyTorch weights; choose one with --plugin");
            return ExitCodes.Usage;
        }
        var plugin = importers[0];
        var output = Path.GetFullPath(settings.Output!);
        if (ModelManifest.Locate(output) is var (existing, manifest) && existing == output && !string.Equals(manifest.Plugin, plugin.Name, StringComparison.OrdinalIgnoreCase))
        {
            _console.Fail($"{output} holds a model of plugin '{manifest.Plugin}'; import into another folder");
            return ExitCodes.Usage;
        }
        var pluginContext = new HostPluginContext(_console, log: null, output, new Progress<PluginProgress>(), cancellation, seed: 0, device: "cpu");
        try
        {
            Directory.CreateDirectory(output);
            var request = new ModelImportRequest(Path.GetFullPath(settings.FromPyTorch!), PyTorchFormat, DirectionNames.Parse(settings.Direction)!.Value, output);
            var result = ((IModelImporter)plugin.Instance).Import(request, pluginContext);
            new ModelManifest(plugin.Name, plugin.Descriptor.Version, plugin.Descriptor.ApiVersion.ToString(), 0, result.Options).Write(result.ModelDirectory);
            _console.Info($"imported into {result.ModelDirectory}; convert with: styleforge convert --model {settings.Output} --direction {settings.Direction} --input DIR --output DIR");
            return ExitCodes.Success;
        }
        catch (PluginException ex)
        {
            // A file the plugin cannot map is invalid input.
            _console.Fail(ex.Message, ex.InnerException ?? ex);
            return ExitCodes.Usage;
        }
    }
}
