using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Options;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;
using StyleForge.Host.Requests;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Cli;

/// <summary><c>styleforge convert</c>: stylize every colour texture of a folder tree with a trained model, incrementally.</summary>
internal sealed class ConvertCommand : Command<ConvertCommand.Settings>
{
    private readonly HostConsole _console;

    public ConvertCommand(HostConsole console) => _console = console;

    public sealed class Settings : PluginSettings
    {
        [CommandOption("--model <RUN_DIR_OR_CHECKPOINT>")]
        [Description("The run folder, training folder or model folder of a trained model; its styleforge-model.json names the plugin. Example: --model runs/daynight")]
        public string? Model { get; init; }

        [CommandOption("--plugin <NAME>")]
        [Description("Convert with a plugin that needs no model (no --model), or check that --model was trained by this plugin. Example: --plugin colortransfer")]
        public string? Plugin { get; init; }

        [CommandOption("--input <DIR>")]
        [Description("Folder of textures to convert, searched recursively. Example: --input assets/textures")]
        public string? Input { get; init; }

        [CommandOption("--output <DIR>")]
        [Description("Folder for the results; the input's folder structure and file names are kept. Example: --output out/night")]
        public string? Output { get; init; }

        [CommandOption("--direction <a2b|b2a>")]
        [Description("a2b applies the A-to-B mapping, b2a the reverse. Example: --direction b2a")]
        [DefaultValue("a2b")]
        public string Direction { get; init; } = "a2b";

        [CommandOption("--include <GLOB>")]
        [Description("Only convert matching paths (repeatable); without '/' a glob matches file names. Example: --include \"**/*_albedo.png\"")]
        public string[] Include { get; init; } = Array.Empty<string>();

        [CommandOption("--exclude <GLOB>")]
        [Description("Leave matching paths out (repeatable). Example: --exclude \"ui/**\"")]
        public string[] Exclude { get; init; } = Array.Empty<string>();

        [CommandOption("--skip-suffix <SUFFIX[=MAP_TYPE]>")]
        [Description("Replace the table of map-type rules (docs/convert.md: Poly Haven, ambientCG, Substance, Unreal, Unity names) with your own data-map suffixes (repeatable); matched by words, resolution tails ignored. Example: --skip-suffix _n --skip-suffix \"_spec=specular map\"")]
        public string[] SkipSuffix { get; init; } = Array.Empty<string>();

        [CommandOption("--no-skip")]
        [Description("Stylize every selected texture, normal and data maps included. Example: --no-skip")]
        public bool NoSkip { get; init; }

        [CommandOption("--seamless")]
        [Description("Treat textures as tileable: wrap around their edges so the output tiles too. Example: --seamless")]
        public bool Seamless { get; init; }

        [CommandOption("--force")]
        [Description("Convert every file again, even when the manifest shows an up-to-date output. Example: --force")]
        public bool Force { get; init; }

        [CommandOption("--dry-run")]
        [Description("Print what would be converted or skipped, and why, without converting. Example: --dry-run")]
        public bool DryRun { get; init; }

        [CommandOption("--shard <I/N>")]
        [Description("Convert only shard I of N (1-based), chosen by a hash of each relative path, for splitting a tree across machines. Example: --shard 2/8")]
        public string? Shard { get; init; }

        [CommandOption("--max-pixels <N>")]
        [Description("Refuse textures whose header claims more pixels than this, before decoding (decompression-bomb guard). Example: --max-pixels 67108864")]
        [DefaultValue(TextureCodec.DefaultMaxPixels)]
        public long MaxPixels { get; init; } = TextureCodec.DefaultMaxPixels;

        [CommandOption("--output-format <FORMAT>")]
        [Description("keep (each texture in its own format) or a DDS format for all: dds-bc1, dds-bc3, dds-bc4, dds-bc5, dds-bc7, dds-rgba8, with -srgb for bc1, bc3, bc7 and rgba8. Example: --output-format dds-bc7-srgb")]
        [DefaultValue("keep")]
        public string OutputFormat { get; init; } = "keep";

        [CommandOption("--mips <keep|none|full>")]
        [Description("Mip levels of DDS outputs: as many as the source had, none, or a full chain. Example: --mips full")]
        [DefaultValue("keep")]
        public string Mips { get; init; } = "keep";

        [CommandOption("--tile <N>")]
        [Description("Largest tile side the plugin processes at once; 0 lets the plugin choose. Example: --tile 512")]
        [DefaultValue(0)]
        public int Tile { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description("Set a plugin option (repeatable); 'styleforge plugins' lists them. Example: --set strength=0.8")]
        public string[] Set { get; init; } = Array.Empty<string>();

        [CommandOption("--json")]
        [Description("Print the plan (with --dry-run) or the summary as JSON on stdout. Example: --json")]
        public bool Json { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("auto, cpu or cuda. Example: --device cpu")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        public override ValidationResult Validate()
        {
            if ((string.IsNullOrWhiteSpace(Model) && string.IsNullOrWhiteSpace(Plugin)) || string.IsNullOrWhiteSpace(Input) || string.IsNullOrWhiteSpace(Output))
            {
                return ValidationResult.Error("convert needs --model RUN_DIR_OR_CHECKPOINT (or --plugin NAME for a plugin that needs no model), --input DIR and --output DIR");
            }
            if (DirectionNames.Parse(Direction) is null)
            {
                return ValidationResult.Error($"--direction must be a2b or b2a, got '{Direction}'");
            }
            if (MaxPixels < 1)
            {
                return ValidationResult.Error($"--max-pixels must be positive, got {MaxPixels}");
            }
            if (Tile < 0)
            {
                return ValidationResult.Error($"--tile must be 0 (plugin default) or a positive size, got {Tile}");
            }
            if (NoSkip && SkipSuffix.Length > 0)
            {
                return ValidationResult.Error("--no-skip and --skip-suffix contradict each other; use one");
            }
            if (Device is not ("auto" or "cpu" or "cuda"))
            {
                return ValidationResult.Error($"--device must be auto, cpu or cuda, got '{Device}'");
            }
            try
            {
                _ = ToRequest();
            }
            catch (ArgumentException ex)
            {
                return ValidationResult.Error(ex.Message);
            }
            return ValidationResult.Success();
        }

        /// <summary>The request these flags describe; throws <see cref="ArgumentException"/> for a malformed glob, suffix or shard.</summary>
        public ConversionRequest ToRequest() => new ConversionRequestBuilder
        {
            Input = Input!,
            Output = Output!,
            Direction = DirectionNames.Parse(Direction)!.Value,
            Include = Include,
            Exclude = Exclude,
            MapTypes = ConversionRequestBuilder.MapTypesFrom(SkipSuffix, NoSkip),
            Seamless = Seamless,
            OutputFormat = Engine.Conversion.OutputFormat.Parse(OutputFormat),
            Mips = Engine.Conversion.OutputFormat.ParseMips(Mips),
            TileSize = Tile,
            Force = Force,
            DryRun = DryRun,
            Shard = Shard is null ? ShardSpec.Whole : ShardSpec.Parse(Shard),
            MaxPixels = MaxPixels,
        }.Build();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var request = settings.ToRequest();
        using var catalog = settings.LoadCatalog(_console);
        try
        {
            var model = string.IsNullOrWhiteSpace(settings.Model)
                ? ConversionModel.WithoutModel(catalog, settings.Plugin!)
                : ConversionModel.Locate(catalog, settings.Model, settings.Plugin, request.OutputRoot);
            var errors = new List<InputError>();
            var given = SetArguments.Parse(settings.Set, errors);
            var options = model.WithTrainingOptions(PluginOptionBinder.Bind(model.Plugin.Descriptor, given, errors), given.Select(g => g.Name));
            if (errors.Count > 0)
            {
                errors.ForEach(e => _console.Fail(e.ToString()));
                return ExitCodes.Usage;
            }
            var workDirectory = Path.Combine(Path.GetTempPath(), $"styleforge-convert-{Environment.ProcessId}");
            return ConversionReport.RunAndShow(_console, model, options, request, workDirectory,
                new StageEnvironment(_console, Log: null, Seed: 0, settings.Device, cancellation), settings.Json);
        }
        catch (ConversionSetupException ex)
        {
            _console.Fail(ex.Message, ex.InnerException);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _console.Warn("conversion stopped; finished files are kept and recorded, run the same command again to convert the rest");
            return ExitCodes.Cancelled;
        }
    }
}
