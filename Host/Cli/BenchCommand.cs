using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Engine.Benchmarks;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Options;
using StyleForge.Engine.Runs;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;

namespace StyleForge.Host.Cli;

/// <summary>
/// <c>styleforge bench NAME</c>: <c>convert</c> is the host's conversion benchmark; any other name
/// runs the plugin benchmark of that name, with the remaining --key value pairs as its arguments.
/// Results are JSON on stdout.
/// </summary>
internal sealed class BenchCommand : Command<BenchCommand.Settings>
{
    private readonly HostConsole _console;

    public BenchCommand(HostConsole console) => _console = console;

    /// <summary>
    /// The CLI parses strictly, so a plugin benchmark's own flags (bench train --size 64) would be
    /// rejected as unknown. For any benchmark but the host's (convert, dds), the arguments after the name are moved
    /// behind a "--" so they reach the plugin untouched; only the host's --plugins DIR and --plugin NAME stay in
    /// front, since they decide which plugins are loaded and which of them runs a benchmark that several offer.
    /// Other verbs' arguments are returned as they were.
    /// </summary>
    public static IReadOnlyList<string> SeparatePluginArguments(IReadOnlyList<string> args)
    {
        if (args.Count < 3 || args[0] != "bench" || string.Equals(args[1], "convert", StringComparison.OrdinalIgnoreCase)
            || string.Equals(args[1], "dds", StringComparison.OrdinalIgnoreCase)
            || args[1].StartsWith('-') || args.Contains("--"))
        {
            return args;
        }
        var host = new List<string> { args[0], args[1] };
        var plugin = new List<string>();
        for (var i = 2; i < args.Count; i++)
        {
            if (args[i] is "--plugins" or "--plugin" && i + 1 < args.Count)
            {
                host.Add(args[i]);
                host.Add(args[++i]);
            }
            else if (args[i].StartsWith("--plugins=", StringComparison.Ordinal) || args[i].StartsWith("--plugin=", StringComparison.Ordinal))
            {
                host.Add(args[i]);
            }
            else
            {
                plugin.Add(args[i]);
            }
        }
        return host.Append("--").Concat(plugin).ToList();
    }

    /// <summary>Reads "--key value" and "--flag" pairs; a bare flag means true.</summary>
    public static Dictionary<string, string> ParsePluginArguments(IReadOnlyList<string> raw)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            if (!raw[i].StartsWith("--", StringComparison.Ordinal) || raw[i].Length == 2)
            {
                throw new ArgumentException($"benchmark arguments are --key value pairs; '{raw[i]}' is not a --key");
            }
            var key = raw[i][2..];
            var equals = key.IndexOf('=');
            if (equals > 0)
            {
                arguments[key[..equals]] = key[(equals + 1)..];
            }
            else if (i + 1 < raw.Count && !raw[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                arguments[key] = raw[++i];
            }
            else
            {
                arguments[key] = "true";
            }
        }
        return arguments;
    }

    public sealed class Settings : PluginSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The benchmark: convert (host), dds (host), or one a plugin offers, for example train. Example: bench convert")]
        public string Name { get; init; } = "";

        [CommandOption("--model <RUN_DIR_OR_CHECKPOINT>")]
        [Description("convert: the trained model to measure; without it a model of --plugin is initialised at its default size. Example: --model runs/daynight")]
        public string? Model { get; init; }

        [CommandOption("--plugin <NAME>")]
        [Description("convert: the plugin to initialise a model with when --model is absent, or a plugin that needs no model, measured first and beside --model in the same run (its options with --set); other benchmarks: the plugin that runs it when several offer it. Without it, the default trainer Plugins/InTreePlugins.props declares. Example: --plugin cut")]
        public string? Plugin { get; init; }

        [CommandOption("--sizes <LIST>")]
        [Description("convert: square texture sides to measure, comma-separated. Example: --sizes 1024,4096")]
        [DefaultValue("1024,4096")]
        public string Sizes { get; init; } = "1024,4096";

        [CommandOption("--files <N>")]
        [Description("convert: textures per size; several let I/O overlap inference as in a real tree. Example: --files 3")]
        [DefaultValue(2)]
        public int Files { get; init; } = 2;

        [CommandOption("--tile <N>")]
        [Description("convert: tile side handed to the plugin; 0 is the plugin's default. Example: --tile 512")]
        [DefaultValue(0)]
        public int Tile { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description("convert: a plugin option for the initialised model and for inference (repeatable). Example: --set ngf=32")]
        public string[] Set { get; init; } = Array.Empty<string>();

        [CommandOption("--textures <LIST>")]
        [Description("dds: texture folders or archive.zip:prefix sources, comma-separated; default Debian's neverball and trigger-rally textures. Example: --textures /usr/share/games/neverball/textures")]
        public string? Textures { get; init; }

        [CommandOption("--per-source <N>")]
        [Description("dds: images taken from each source, in path order. Example: --per-source 20")]
        [DefaultValue(40)]
        public int PerSource { get; init; } = 40;

        [CommandOption("--large-side <N>")]
        [Description("dds: side of the square texture BC7 quality is timed on; 0 skips it. Example: --large-side 4096")]
        [DefaultValue(4096)]
        public int LargeSide { get; init; } = 4096;

        [CommandOption("--encoders <LIST>")]
        [Description("dds: only these encoders, comma-separated (bc1_fast, bc1_quality, ... bc7_quality); default all. Example: --encoders bc1_fast")]
        public string? Encoders { get; init; }

        [CommandOption("--no-reference")]
        [Description("dds: do not run nvcompress on the same images")]
        public bool NoReference { get; init; }

        public IReadOnlyList<int> ParseSizes() =>
            Sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 4 ? v
                    : throw new ArgumentException($"--sizes takes sides of at least 4 pixels separated by commas, for example 1024,4096; got '{s}'"))
                .ToList();

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Name))
            {
                return ValidationResult.Error("bench needs a benchmark name, for example 'styleforge bench convert'");
            }
            if (PerSource < 1 || LargeSide < 0)
            {
                return ValidationResult.Error($"--per-source must be at least 1 and --large-side at least 0, got {PerSource} and {LargeSide}");
            }
            if (Files < 1)
            {
                return ValidationResult.Error($"--files must be at least 1, got {Files}");
            }
            try
            {
                _ = ParseSizes();
            }
            catch (ArgumentException ex)
            {
                return ValidationResult.Error(ex.Message);
            }
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var catalog = settings.LoadCatalog(_console);
        try
        {
            if (string.Equals(settings.Name, "convert", StringComparison.OrdinalIgnoreCase))
            {
                var errors = new List<InputError>();
                var options = SetArguments.Parse(settings.Set, errors);
                if (errors.Count > 0)
                {
                    errors.ForEach(e => _console.Fail(e.ToString()));
                    return ExitCodes.Usage;
                }
                var request = new ConvertBenchmarkRequest(settings.Model, settings.Plugin ?? PluginDefaults.Trainer, settings.ParseSizes(), settings.Files, settings.Tile, options);
                ConversionReport.WriteJson(_console, ConvertBenchmark.Run(catalog, request, _console, cancellation));
                return ExitCodes.Success;
            }
            if (string.Equals(settings.Name, "dds", StringComparison.OrdinalIgnoreCase))
            {
                var sources = settings.Textures?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    ?? DdsBenchmarkImages.DefaultSources;
                var encoders = settings.Encoders?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(e => e.ToLowerInvariant()).ToList();
                if (encoders?.FirstOrDefault(e => !DdsBenchmarkRequest.AllEncoders.Contains(e)) is { } unknown)
                {
                    _console.Fail($"--encoders: unknown encoder '{unknown}'; known: {string.Join(", ", DdsBenchmarkRequest.AllEncoders)}");
                    return ExitCodes.Usage;
                }
                var request = new DdsBenchmarkRequest(sources, settings.PerSource, settings.LargeSide, !settings.NoReference, encoders);
                ConversionReport.WriteJson(_console, DdsBenchmark.Run(request, _console.Info, cancellation));
                return ExitCodes.Success;
            }
            return RunPluginBenchmark(catalog, settings, context, cancellation);
        }
        catch (ConversionSetupException ex)
        {
            _console.Fail(ex.Message);
            return ExitCodes.Usage;
        }
        catch (IOException ex) when (string.Equals(settings.Name, "dds", StringComparison.OrdinalIgnoreCase))
        {
            // Missing or unreadable benchmark textures: the input is wrong, not the run.
            _console.Fail(ex.Message);
            return ExitCodes.Usage;
        }
        catch (PluginException ex)
        {
            _console.Fail(ex.Message);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _console.Warn("benchmark stopped");
            return ExitCodes.Cancelled;
        }
    }

    private int RunPluginBenchmark(PluginCatalog catalog, Settings settings, CommandContext context, CancellationToken cancellation)
    {
        var found = PluginBenchmarks.Find(catalog, settings.Name, settings.Plugin ?? PluginDefaults.Trainer);
        if (found is null)
        {
            var unloaded = catalog.Failures.Count == 0 ? ""
                : $" (plugins that failed to load: {string.Join("; ", catalog.Failures.Select(f => $"{f.Name}: {f.Reason}"))})";
            _console.Fail($"no benchmark named '{settings.Name}'; available: {string.Join(", ", PluginBenchmarks.Names(catalog))}{unloaded}");
            return ExitCodes.Usage;
        }
        var (plugin, provider) = found.Value;
        Dictionary<string, string> arguments;
        try
        {
            arguments = ParsePluginArguments(context.Remaining.Raw.ToList());
        }
        catch (ArgumentException ex)
        {
            _console.Fail(ex.Message);
            return ExitCodes.Usage;
        }
        if (settings.Model is not null)
        {
            arguments["model"] = settings.Model;
        }
        var work = Path.Combine(Path.GetTempPath(), $"styleforge-bench-{settings.Name}-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var json = ProgressDisplay.Run(_console, $"bench {settings.Name}", progress =>
                provider.Run(settings.Name, arguments, new HostPluginContext(_console, null, work, progress, cancellation, 0, "auto")));
            ConversionReport.WriteJson(_console, json);
            _console.Info($"benchmark '{settings.Name}' ran in plugin {plugin.Name}");
            return ExitCodes.Success;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
