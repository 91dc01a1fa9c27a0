using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StyleForge.Engine.Sampling;
using StyleForge.Host.Requests;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Cli;

/// <summary><c>styleforge sample daynight --out DIR</c>: writes the built-in procedural day/night data set.</summary>
internal sealed class SampleCommand : Command<SampleCommand.Settings>
{
    private readonly HostConsole _console;

    public SampleCommand(HostConsole console) => _console = console;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<KIND>")]
        [Description("The sample set to generate; 'daynight' is built in. Example: daynight")]
        public string Kind { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Folder to write trainA, trainB, testA and testB_truth into. Example: --out data/daynight")]
        public string? Output { get; init; }

        [CommandOption("--count <N>")]
        [Description("Textures in each of trainA and trainB. Example: --count 200")]
        [DefaultValue(SampleParameters.DefaultTrainCount)]
        public int Count { get; init; } = SampleParameters.DefaultTrainCount;

        [CommandOption("--test-count <N>")]
        [Description("Held-out scenes in testA and testB_truth. Example: --test-count 20")]
        [DefaultValue(SampleParameters.DefaultTestCount)]
        public int TestCount { get; init; } = SampleParameters.DefaultTestCount;

        [CommandOption("--size <PIXELS>")]
        [Description("Side of every texture in pixels. Example: --size 128")]
        [DefaultValue(SampleParameters.DefaultSize)]
        public int Size { get; init; } = SampleParameters.DefaultSize;

        [CommandOption("--seed <N>")]
        [Description("Selects the scenes; the same options always give the same files. Example: --seed 7")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        /// <summary>The sample set these flags ask for; throws <see cref="ArgumentException"/> for an unknown kind or a value out of range.</summary>
        public SampleParameters Parameters => SampleRequestBuilder.Build(Kind, Size, Count, TestCount, Seed);

        public override ValidationResult Validate()
        {
            try
            {
                _ = Parameters;
            }
            catch (ArgumentException ex)
            {
                return ValidationResult.Error(ex.Message);
            }
            return string.IsNullOrWhiteSpace(Output)
                ? ValidationResult.Error("sample needs --out DIR, for example --out data/daynight")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        SampleLauncher.Run(_console, Path.GetFullPath(settings.Output!), settings.Parameters, cancellation);
        return ExitCodes.Success;
    }
}
