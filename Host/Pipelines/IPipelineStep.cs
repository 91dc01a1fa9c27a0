namespace StyleForge.Host.Pipelines;

/// <summary>Whether a step kind runs a plugin, and which capability it needs.</summary>
internal enum StepPluginUse
{
    None,
    /// <summary>Trains: the plugin must implement ITrainableStylizerPlugin.</summary>
    Trainer,
    /// <summary>Converts: any plugin; defaults to the plugin of the last train step.</summary>
    Stylizer,
}

/// <summary>One kind of pipeline step: its keys, and how it runs.</summary>
internal interface IPipelineStep
{
    /// <summary>The value of <c>kind:</c> in YAML.</summary>
    string Kind { get; }

    /// <summary>One sentence for docs.</summary>
    string Description { get; }

    /// <summary>Every key, with its type; the loader checks each value against it before anything runs.</summary>
    IReadOnlyList<StepKey> Keys { get; }

    StepPluginUse PluginUse { get; }

    /// <summary>
    /// Checks at load that need several keys or the installed plugins (each key's own type is already checked);
    /// called only when the step's keys are all valid. Never throws for bad input: it returns problems.
    /// </summary>
    IEnumerable<StepProblem> Check(StepInvocation step, StepCheckContext context) => Array.Empty<StepProblem>();

    /// <summary>Runs the step. Returns 0 when everything succeeded, 1 when it finished with some failures.</summary>
    Task<int> RunAsync(StepInvocation step, PipelineRun run);
}
