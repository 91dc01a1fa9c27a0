namespace StyleForge.Host.Pipelines;

/// <summary>The value type of a step key.</summary>
internal enum StepKeyType
{
    Text,
    Integer,
    Number,
    Boolean,
    Choice,
    /// <summary>A path that must exist before the run, unless an earlier step writes it.</summary>
    InputPath,
    /// <summary>A path the step writes; later steps may read it.</summary>
    OutputPath,
    /// <summary>A single text or a list of texts.</summary>
    TextList,
    /// <summary>A single input path or a list of them, each checked as <see cref="InputPath"/>.</summary>
    InputPathList,
}

/// <summary>A key a pipeline step accepts.</summary>
/// <param name="Name">The key as written in YAML.</param>
/// <param name="Type">How the value is checked.</param>
/// <param name="Description">One sentence for docs and errors.</param>
/// <param name="Default">The value when the key is absent; may use {run}. Null means no default.</param>
internal sealed record StepKey(string Name, StepKeyType Type, string Description, string? Default = null)
{
    public bool Required { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = Array.Empty<string>();

    /// <summary>For OutputPath/InputPath: whether the path names a file rather than a folder.</summary>
    public bool IsFile { get; init; }

    /// <summary>
    /// For an InputPath: it names the model the step's plugin trained, so it has no default, and
    /// must be absent, when the plugin needs no model.
    /// </summary>
    public bool IsTrainedModel { get; init; }
}
