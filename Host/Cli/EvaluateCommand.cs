using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Engine;
using StyleForge.Engine.Evaluation;
using StyleForge.Host.Requests;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Cli;

/// <summary>
/// <c>styleforge evaluate --pred DIR --truth DIR [--lights DIR]</c>: PSNR and SSIM of converted textures against the
/// truth, and the light metrics where the truth has light masks.
/// </summary>
internal sealed class EvaluateCommand : Command<EvaluateCommand.Settings>
{
    private readonly HostConsole _console;

    public EvaluateCommand(HostConsole console) => _console = console;

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--pred <DIR>")]
        [Description("Folder of converted textures to score, searched recursively. Example: --pred runs/daynight/converted/testA")]
        public string? Prediction { get; init; }

        [CommandOption("--truth <DIR>")]
        [Description("Folder of true results; files match --pred by relative path. Example: --truth data/daynight/testB_truth")]
        public string? Truth { get; init; }

        [CommandOption("--lights <DIR>")]
        [Description("Folder of the truth's light masks (.json per truth, same relative path); by default the testB_lights folder beside --truth when there is one. Example: --lights data/daynight/testB_lights")]
        public string? Lights { get; init; }

        [CommandOption("--json")]
        [Description("Print the scores as JSON on stdout instead of a table. Example: --json")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Prediction) || string.IsNullOrWhiteSpace(Truth))
            {
                return ValidationResult.Error("evaluate needs --pred DIR and --truth DIR");
            }
            foreach (var folder in new[] { Prediction, Truth, Lights }.OfType<string>())
            {
                if (!Directory.Exists(folder))
                {
                    return ValidationResult.Error($"folder not found: {folder}");
                }
            }
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var request = EvaluationRequestBuilder.Build("prediction", settings.Prediction!, settings.Truth!, settings.Lights);
        var scores = FolderEvaluator.Evaluate(request, cancellation);
        if (settings.Json)
        {
            _console.Output.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(scores, JsonOptions.Indented));
        }
        else
        {
            _console.Output.Write(MetricsTable.PerImage(scores));
        }
        LightMetricsNotice.Show(_console, scores, request.Truth, request.Lights);
        EvaluationWarnings.Show(_console, scores);
        if (scores.Images.Count == 0)
        {
            _console.Fail($"no file of {scores.PredictionDirectory} has a match by relative path in {scores.TruthDirectory}");
            return ExitCodes.Failed;
        }
        return scores.Complete ? ExitCodes.Success : ExitCodes.Failed;
    }
}
