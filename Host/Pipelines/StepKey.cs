using StyleForge.Engine.Catalog;

namespace StyleForge.Host.Pipelines;

/// <summary>The value type of a step key; the loader checks every one before any step runs.</summary>
internal enum StepKeyType
{
    Text,
    /// <summary>A whole number, within <see cref="StepKey.Minimum"/> and <see cref="StepKey.Maximum"/>.</summary>
    Integer,
    Number,
    Boolean,
    Choice,
    /// <summary>A path that must exist before the run, unless an earlier step writes it.</summary>
    InputPath,
    /// <summary>A path the step writes; later steps may read it. No existing part of it may be a file where a folder must be.</summary>
    OutputPath,
    /// <summary>A single text or a list of texts.</summary>
    TextList,
    /// <summary>A single input path or a list of them, each checked as <see cref="InputPath"/>.</summary>
    InputPathList,
    /// <summary>A path glob or a list of them, each compiled at load; the value is the list of glob texts.</summary>
    GlobList,
    /// <summary>I/N with 1 &lt;= I &lt;= N; the value is a <see cref="Engine.Conversion.ShardSpec"/>.</summary>
    Shard,
    /// <summary>
    /// Name suffixes of data maps, SUFFIX or SUFFIX=map type, a single one or a list, or 'none'; the value is
    /// the <see cref="Engine.Conversion.MapTypeRules"/> they make (the default table when the key is absent).
    /// </summary>
    SuffixList,
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

    /// <summary>For an Integer: the smallest value accepted.</summary>
    public long Minimum { get; init; } = int.MinValue;

    /// <summary>For an Integer: the largest value accepted; steps read most integers as int, hence the default.</summary>
    public long Maximum { get; init; } = int.MaxValue;

    /// <summary>For OutputPath/InputPath: whether the path names a file rather than a folder.</summary>
    public bool IsFile { get; init; }

    /// <summary>
    /// The Boolean key of the same step without which this key is not used (evaluate's baselines); when that one is
    /// false and this key is absent, its default is not checked, so it need not exist.
    /// </summary>
    public string? UsedOnlyWith { get; init; }

    /// <summary>
    /// For an InputPath: it names the model the step's plugin trained, so it has no default, and
    /// must be absent, when the plugin needs no model.
    /// </summary>
    public bool IsTrainedModel { get; init; }
}

/// <summary>A problem a step kind's own check found at load; <paramref name="Key"/> locates it (null: the step itself).</summary>
internal sealed record StepProblem(string? Key, string Message);

/// <summary>What a step kind's load-time check may consult besides the step's own typed values.</summary>
/// <param name="Catalog">The installed plugins.</param>
/// <param name="WrittenByEarlierStep">Whether an earlier step of the pipeline writes this path (so what is there now may be replaced).</param>
internal sealed record StepCheckContext(PluginCatalog Catalog, Func<string, bool> WrittenByEarlierStep);
