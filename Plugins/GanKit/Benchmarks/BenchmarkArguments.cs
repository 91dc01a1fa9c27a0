using System.Globalization;

namespace StyleForge.Plugins.GanKit.Benchmarks;

/// <summary>Reads `styleforge bench NAME --key value` arguments, with defaults and errors that name the key.</summary>
internal sealed class BenchmarkArguments
{
    private readonly string _benchmark;
    private readonly IReadOnlyDictionary<string, string> _values;

    public BenchmarkArguments(string benchmark, IReadOnlyDictionary<string, string> values)
    {
        _benchmark = benchmark;
        _values = values;
    }

    /// <summary>The integer under <paramref name="key"/>, or <paramref name="fallback"/> when absent; at least <paramref name="minimum"/>.</summary>
    public int Integer(string key, int fallback, int minimum = 1)
    {
        if (!_values.TryGetValue(key, out var text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new PluginException($"bench {_benchmark}: --{key} takes a whole number of at least {minimum}, got '{text}'. Example: --{key} {fallback}");
        }
        return value;
    }

    /// <summary>The text under <paramref name="key"/>, or <paramref name="fallback"/> when absent.</summary>
    public string Text(string key, string fallback) => _values.TryGetValue(key, out var text) ? text : fallback;
}
