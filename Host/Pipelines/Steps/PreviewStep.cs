using StyleForge.Host.Preview;
using StyleForge.Host.Requests;
using StyleForge.Viewer;

namespace StyleForge.Host.Pipelines.Steps;

/// <summary>
/// <c>kind: preview</c>: renders a before/after contact sheet through the Vulkan viewer into the run
/// folder, then opens the interactive window when there is a display and the step asks for it.
/// </summary>
internal sealed class PreviewStep : IPipelineStep
{
    public string Kind => "preview";

    public string Description => "Show before/after pairs: a headless contact sheet always, and the viewer window when there is a display.";

    public IReadOnlyList<StepKey> Keys { get; } = new[]
    {
        new StepKey("before", StepKeyType.InputPath, "folder or file of originals") { Required = true },
        new StepKey("after", StepKeyType.InputPath, "folder or file of converted textures, paired by relative path"),
        new StepKey("mode", StepKeyType.Choice, "view mode", "side") { Choices = new[] { "single", "side", "split", "flip", "tile" } },
        new StepKey("out", StepKeyType.OutputPath, "the headless contact sheet PNG", "{run}/preview.png") { IsFile = true },
        new StepKey("cell", StepKeyType.Integer, "side of one sheet cell in pixels", "192") { Minimum = 16 },
        new StepKey("limit", StepKeyType.Integer, "at most this many pairs", "24") { Minimum = 1 },
        new StepKey("window", StepKeyType.Choice, "auto opens the viewer when a display is available; never only writes the sheet", "auto")
        {
            Choices = new[] { "auto", "never" },
        },
    };

    public StepPluginUse PluginUse => StepPluginUse.None;

    public Task<int> RunAsync(StepInvocation step, PipelineRun run)
    {
        var request = PreviewRequestBuilder.Build(step.GetPath("before"), step.GetOptionalPath("after"), step.GetInteger("limit"),
            step.GetText("mode"), step.GetInteger("cell"));
        var mode = request.Mode;
        var pairs = request.LoadPairs(run.Console.Warn);
        if (pairs.Count == 0)
        {
            throw new StepFailedException("none of the textures to preview could be read");
        }
        try
        {
            var output = step.GetPath("out");
            var sheet = PreviewSheet.Write(pairs, mode, request.Cell, output);
            run.Console.Info($"preview sheet: {output} ({sheet.Width}x{sheet.Height})");
            if (step.GetText("window") == "auto" && HasDisplay())
            {
                try
                {
                    run.Console.Info("opening the viewer; close the window to finish (keys: styleforge view --help)");
                    WindowViewer.Run(pairs, new ViewerOptions { Mode = mode, TitlePrefix = $"StyleForge {run.Document.Name}" });
                }
                catch (DisplayUnavailableException ex)
                {
                    run.Console.Warn($"no viewer window: {ex.Message}; the sheet above has the same pairs");
                }
            }
        }
        catch (VulkanUnavailableException ex)
        {
            throw new StepFailedException(ex.Message);
        }
        return Task.FromResult(0);
    }

    private static bool HasDisplay() =>
        OperatingSystem.IsWindows() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"));
}
