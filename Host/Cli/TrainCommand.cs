using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Engine.Options;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Training;
using StyleForge.Host.Requests;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;

namespace StyleForge.Host.Cli;

/// <summary><c>styleforge train</c>: learn A to B and B to A from two unpaired folders.</summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    private readonly HostConsole _console;

    public TrainCommand(HostConsole console) => _console = console;

    public sealed class Settings : PluginSettings
    {
        [CommandOption("--domain-a <DIR>")]
        [Description("Folder of domain A textures, searched recursively; --a for short. Example: --a data/day")]
        public string? DomainA { get; init; }

        [CommandOption("--domain-b <DIR>")]
        [Description("Folder of domain B textures, unrelated to A's; --b for short. Example: --b data/night")]
        public string? DomainB { get; init; }

        [CommandOption("--out <RUN_DIR>")]
        [Description("Folder for checkpoints, samples, logs and the exported model. Example: --out runs/daynight")]
        public string? Output { get; init; }

        [CommandOption("--plugin <NAME>")]
        [Description("The trainable plugin to use; without it, the default trainer Plugins/InTreePlugins.props declares. Example: --plugin cyclegan")]
        public string? Plugin { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description("Set a plugin option (repeatable); 'styleforge plugins' lists them. Example: --set iterations=2000")]
        public string[] Set { get; init; } = Array.Empty<string>();

        [CommandOption("--resume")]
        [Description("Continue from the last checkpoint in --out, with its optimiser state and schedule. Example: --resume")]
        public bool Resume { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Random seed. Example: --seed 7")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("auto, cpu or cuda. Example: --device cpu")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(DomainA) || string.IsNullOrWhiteSpace(DomainB) || string.IsNullOrWhiteSpace(Output))
            {
                return ValidationResult.Error("train needs --a DIR, --b DIR and --out RUN_DIR");
            }
            foreach (var folder in new[] { DomainA, DomainB })
            {
                if (!Directory.Exists(folder))
                {
                    return ValidationResult.Error($"folder not found: {folder}");
                }
            }
            if (Device is not ("auto" or "cpu" or "cuda"))
            {
                return ValidationResult.Error($"--device must be auto, cpu or cuda, got '{Device}'");
            }
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var catalog = settings.LoadCatalog(_console);
        var name = settings.Plugin ?? PluginDefaults.Trainer;
        var plugin = catalog.Find(name);
        if (plugin is null)
        {
            _console.Fail(catalog.WhyMissing(name));
            return ExitCodes.Usage;
        }
        var errors = new List<InputError>();
        var options = PluginOptionBinder.Bind(plugin.Descriptor, SetArguments.Parse(settings.Set, errors), errors);
        if (errors.Count > 0)
        {
            errors.ForEach(e => _console.Fail(e.ToString()));
            return ExitCodes.Usage;
        }
        TrainingLaunch launch;
        try
        {
            launch = TrainingLaunchBuilder.Build(plugin, settings.DomainA!, settings.DomainB!, settings.Output!, settings.Resume, options);
        }
        catch (ArgumentException ex)
        {
            _console.Fail(ex.Message);
            return ExitCodes.Usage;
        }
        try
        {
            var result = TrainingLauncher.Train(launch, new StageEnvironment(_console, Log: null, settings.Seed, settings.Device, cancellation));
            _console.Info($"trained {result.Iterations} iterations; model: {result.ModelDirectory}");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _console.Warn($"training stopped; continue with: styleforge train ... --out {settings.Output} --resume");
            return ExitCodes.Cancelled;
        }
        catch (PluginException ex)
        {
            _console.Fail(ex.Message, ex.InnerException ?? ex);
            return ExitCodes.Failed;
        }
    }
}
