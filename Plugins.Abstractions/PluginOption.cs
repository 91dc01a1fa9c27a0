namespace StyleForge.Plugins;

/// <summary>One option a plugin accepts, with its type and default, so hosts can validate and document it.</summary>
/// <param name="Name">The key used in pipelines and in <c>--set</c>, lower snake case.</param>
/// <param name="Type">The value type.</param>
/// <param name="Default">The default value, written as it would be in a pipeline.</param>
/// <param name="Description">One sentence for people.</param>
public sealed record PluginOption(string Name, PluginOptionType Type, string Default, string Description)
{
    /// <summary>The allowed values when <see cref="Type"/> is <see cref="PluginOptionType.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = Array.Empty<string>();

    /// <summary>The smallest allowed value for numeric options, if any.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest allowed value for numeric options, if any.</summary>
    public double? Maximum { get; init; }

    /// <summary>True when the option may be left empty (no value), which the plugin treats as "not set".</summary>
    public bool Optional { get; init; }
}
