using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StyleForge.Host.Cli;

/// <summary>Arguments of the verbs that read a pipeline file.</summary>
internal class PipelineSettings : PluginSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The pipeline YAML file. Example: pipelines/daynight.yaml")]
    public string File { get; init; } = "";

    [CommandOption("--set <STEP.KEY=VALUE>")]
    [Description("Override a key of the first step with that id or kind (repeatable); plugin options are found under the step's options. Example: --set train.iterations=50")]
    public string[] Set { get; init; } = Array.Empty<string>();

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(File) ? ValidationResult.Error("name a pipeline file, for example pipelines/daynight.yaml") : ValidationResult.Success();
}
