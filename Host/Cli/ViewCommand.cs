using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Host.Preview;
using StyleForge.Host.Requests;
using StyleForge.Host.Terminal;
using StyleForge.Viewer;

namespace StyleForge.Host.Cli;

/// <summary><c>styleforge view PATH [PATH]</c>: the Vulkan texture viewer, in a window or as a headless contact sheet.</summary>
internal sealed class ViewCommand : Command<ViewCommand.Settings>
{
    private readonly HostConsole _console;

    public ViewCommand(HostConsole console) => _console = console;

    public static string Description =>
        "View textures in a Vulkan window, or render a contact sheet with --headless. Keys: " +
        // Spectre reads descriptions as markup, where the mip keys [ and ] must be doubled.
        Markup.Escape(string.Join("; ", WindowViewer.KeyBindings.Select(k => $"{k.Key}: {k.Action}"))) + ".";

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("A texture file or folder (the 'before' side). Example: runs/daynight/data/testA")]
        public string Before { get; init; } = "";

        [CommandArgument(1, "[PATH]")]
        [Description("A second file or folder (the 'after' side); files pair up by relative path. Example: runs/daynight/converted/testA")]
        public string? After { get; init; }

        [CommandOption("--mode <MODE>")]
        [Description("single, side, split, flip or tile (3x3, to check seams). Example: --mode split")]
        [DefaultValue("side")]
        public string Mode { get; init; } = "side";

        [CommandOption("--headless")]
        [Description("Render a PNG contact sheet offscreen instead of opening a window; needs --out. Example: --headless --out sheet.png")]
        public bool Headless { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where --headless writes the PNG sheet. Example: --out preview.png")]
        public string? Output { get; init; }

        [CommandOption("--cell <PIXELS>")]
        [Description("Side of one sheet cell in pixels (headless). Example: --cell 256")]
        [DefaultValue(256)]
        public int Cell { get; init; } = 256;

        [CommandOption("--limit <N>")]
        [Description("Show at most this many files or pairs. Example: --limit 16")]
        [DefaultValue(64)]
        public int Limit { get; init; } = 64;

        [CommandOption("--mip <LEVEL>")]
        [Description("DDS: the mip level shown first (0 is the full size; a texture with fewer levels shows its last); in the window ]] and [[ change it. Example: --mip 2")]
        [DefaultValue(0)]
        public int Mip { get; init; }

        [CommandOption("--frames <N>")]
        [Description("Close the window after N frames (for tests and timing). Example: --frames 60")]
        public int? Frames { get; init; }

        public override ValidationResult Validate()
        {
            if (!Enum.TryParse<ViewMode>(Mode, ignoreCase: true, out _))
            {
                return ValidationResult.Error($"--mode must be single, side, split, flip or tile, got '{Mode}'");
            }
            if (Headless && string.IsNullOrWhiteSpace(Output))
            {
                return ValidationResult.Error("--headless needs --out FILE.png");
            }
            if (Cell < 16 || Limit < 1 || Frames is < 1)
            {
                return ValidationResult.Error("--cell must be at least 16, --limit and --frames at least 1");
            }
            if (Mip < 0)
            {
                return ValidationResult.Error($"--mip must be 0 (the full size) or more, got {Mip}");
            }
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var request = PreviewRequestBuilder.Build(settings.Before, settings.After, settings.Limit, settings.Mode, settings.Cell, settings.Mip);
        var mode = request.Mode;
        IReadOnlyList<ViewerPair> pairs;
        try
        {
            pairs = request.LoadPairs(_console.Warn);
        }
        catch (FileNotFoundException ex)
        {
            _console.Fail(ex.Message);
            return ExitCodes.Usage;
        }
        if (pairs.Count == 0)
        {
            _console.Fail("none of the textures could be read");
            return ExitCodes.Failed;
        }

        try
        {
            if (settings.Headless)
            {
                var sheet = PreviewSheet.Write(pairs, mode, request.Cell, settings.Output!, request.Mip);
                var mip = pairs.Any(p => p.Before.Texture is not null || p.After?.Texture is not null) ? $", mip level {settings.Mip}" : "";
                _console.Info($"wrote {settings.Output} ({sheet.Width}x{sheet.Height}, {pairs.Count} {(settings.After is null ? "files" : "pairs")}, mode {mode.ToString().ToLowerInvariant()}{mip}; " +
                    $"uploaded as {string.Join(", ", sheet.TextureFormats.Distinct())})");
                return ExitCodes.Success;
            }
            return WindowViewer.Run(pairs, new ViewerOptions { Mode = mode, Frames = settings.Frames, MipLevel = request.Mip });
        }
        catch (VulkanUnavailableException ex)
        {
            _console.Fail(ex.Message);
            return ExitCodes.Usage;
        }
        catch (DisplayUnavailableException ex)
        {
            _console.Fail($"{ex.Message}; use --headless --out sheet.png to render without a display");
            return ExitCodes.Usage;
        }
    }
}
