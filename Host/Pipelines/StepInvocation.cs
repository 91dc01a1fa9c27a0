using StyleForge.Engine.Options;
using StyleForge.Plugins;

namespace StyleForge.Host.Pipelines;

/// <summary>A validated step of a pipeline: typed values for every key, with defaults applied and paths resolved.</summary>
internal sealed class StepInvocation
{
    private readonly IReadOnlyDictionary<string, object?> _values;

    public StepInvocation(int index, string id, IPipelineStep step, SourceLocation where,
        IReadOnlyDictionary<string, object?> values, string? pluginName, OptionValues? pluginOptions)
    {
        Index = index;
        Id = id;
        Step = step;
        Where = where;
        _values = values;
        PluginName = pluginName;
        PluginOptions = pluginOptions;
    }

    public int Index { get; }

    public string Id { get; }

    public IPipelineStep Step { get; }

    public string Kind => Step.Kind;

    public SourceLocation Where { get; }

    public string? PluginName { get; }

    public OptionValues? PluginOptions { get; }

    /// <summary>The names of the options the pipeline (or --set) gave; the others hold defaults.</summary>
    public IReadOnlyList<string> GivenOptions { get; init; } = Array.Empty<string>();

    public IReadOnlyDictionary<string, object?> Values => _values;

    public bool Has(string key) => _values.TryGetValue(key, out var v) && v is not null;

    public string GetText(string key) => Get<string>(key);

    /// <summary>An absolute path (InputPath/OutputPath keys are resolved during validation).</summary>
    public string GetPath(string key) => Get<string>(key);

    public string? GetOptionalPath(string key) => Has(key) ? Get<string>(key) : null;

    public long GetInteger(string key) => Get<long>(key);

    public double GetNumber(string key) => Get<double>(key);

    public bool GetBoolean(string key) => Get<bool>(key);

    public IReadOnlyList<string> GetTexts(string key) => Has(key) ? Get<IReadOnlyList<string>>(key) : Array.Empty<string>();

    /// <summary>A typed value the loader made, for example the <see cref="Engine.Conversion.ShardSpec"/> of a Shard key.</summary>
    public T Get<T>(string key) =>
        _values.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"Step '{Id}' has no {typeof(T).Name} value for '{key}'.");
}
