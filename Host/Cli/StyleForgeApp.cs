using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Cli;

/// <summary>Wires the verbs of the <c>styleforge</c> command line.</summary>
internal static class StyleForgeApp
{
    /// <summary>
    /// The documented spellings --a and --b are one letter long, which the parser only accepts as
    /// -a; they are rewritten to their long names before parsing.
    /// </summary>
    public static IReadOnlyList<string> NormalizeArguments(IReadOnlyList<string> args) =>
        BenchCommand.SeparatePluginArguments(args).Select(a => a switch
        {
            "--a" => "--domain-a",
            "--b" => "--domain-b",
            _ when a.StartsWith("--a=", StringComparison.Ordinal) => "--domain-a=" + a[4..],
            _ when a.StartsWith("--b=", StringComparison.Ordinal) => "--domain-b=" + a[4..],
            _ => a,
        }).ToList();

    public static CommandApp Create(HostConsole console)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("styleforge");
            // A mistyped option must be an error, not silently ignored.
            config.UseStrictParsing();
            config.ConfigureConsole(console.Output);
            config.Settings.Registrar.RegisterInstance(console);
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetExceptionHandler((ex, _) =>
            {
                // Parse and usage errors: say what was wrong, never a stack trace.
                console.Fail(ex is CommandAppException or UsageException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
                return ex is CommandAppException or UsageException ? ExitCodes.Usage : ExitCodes.Failed;
            });

            config.AddCommand<RunCommand>("run")
                .WithDescription("Validate a pipeline YAML file, then run its steps in order.")
                .WithExample("run", "pipelines/daynight.yaml")
                .WithExample("run", "pipelines/daynight.yaml", "--set", "train.iterations=50");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a pipeline YAML file without running it; errors name file:line:column.")
                .WithExample("validate", "pipelines/daynight.yaml");
            config.AddCommand<PluginsCommand>("plugins")
                .WithDescription("List the installed stylizer plugins with their options and defaults.")
                .WithExample("plugins")
                .WithExample("plugins", "--json");
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train a stylizer on two unpaired texture folders.")
                .WithExample("train", "--a", "data/day", "--b", "data/night", "--out", "runs/x")
                .WithExample("train", "--a", "data/day", "--b", "data/night", "--out", "runs/x", "--set", "iterations=2000", "--resume");
            config.AddCommand<ConvertCommand>("convert").WithDescription("Stylize every colour texture under a folder with a trained model; incremental, shardable, keeps formats, alpha and bit depth.").WithExample("convert", "--model", "runs/daynight", "--input", "assets/textures", "--output", "out/night").WithExample("convert", "--model", "runs/daynight", "--input", "assets", "--output", "out", "--direction", "b2a", "--exclude", "ui/**", "--shard", "1/4", "--dry-run");
            config.AddCommand<ExportCommand>("export").WithDescription(ExportCommand.Description).WithExample("export", "--model", "runs/daynight", "--out", "build/daynight_a2b.model");
            config.AddCommand<ImportCommand>("import").WithDescription(ImportCommand.Description).WithExample("import", "--from-pytorch", "latest_net_G.pth", "--direction", "a2b", "--out", "runs/monet");
            config.AddCommand<BenchCommand>("bench").WithDescription("Run a benchmark and print JSON: convert (end-to-end vs network-only megapixels/s, peak RSS), dds (BCn PSNR and megapixels/s against nvcompress) or one a plugin offers.").WithExample("bench", "convert").WithExample("bench", "convert", "--model", "runs/daynight", "--sizes", "1024").WithExample("bench", "train", "--size", "64", "--ngf", "32");
            config.AddCommand<ViewCommand>("view")
                .WithDescription(ViewCommand.Description)
                .WithExample("view", "runs/daynight/data/testA", "runs/daynight/converted/testA")
                .WithExample("view", "textures/brick.png", "--mode", "tile")
                .WithExample("view", "runs/daynight/data/testA", "runs/daynight/converted/testA", "--headless", "--out", "sheet.png", "--mode", "split");
            config.AddCommand<SampleCommand>("sample")
                .WithDescription("Write a built-in procedural texture set: day/night facades with held-out truth for scoring.")
                .WithExample("sample", "daynight", "--out", "data/daynight")
                .WithExample("sample", "daynight", "--out", "data/daynight", "--count", "400", "--size", "128", "--seed", "7");
            config.AddCommand<EvaluateCommand>("evaluate")
                .WithDescription("Score converted textures against true results: per-image and mean PSNR and SSIM, files matched by relative path; lit-window F1, glow error and checkerboard where the truth has light masks.")
                .WithExample("evaluate", "--pred", "runs/daynight/converted/testA", "--truth", "runs/daynight/data/testB_truth")
                .WithExample("evaluate", "--pred", "out/night", "--truth", "data/daynight/testB_truth", "--lights", "data/daynight/testB_lights")
                .WithExample("evaluate", "--pred", "out/night", "--truth", "data/night_truth", "--json");
        });
        return app;
    }
}
