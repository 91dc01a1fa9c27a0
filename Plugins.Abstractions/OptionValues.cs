using System.Globalization;

namespace StyleForge.Plugins;

/// <summary>
/// Validated option values handed to a plugin: every declared option is present, either as the
/// user's value or as its default, written in invariant culture.
/// </summary>
public sealed class OptionValues
{
    private readonly IReadOnlyDictionary<string, string> _values;

    /// <summary>Wraps already-validated values.</summary>
    /// <param name="values">Option name to value text.</param>
    public OptionValues(IReadOnlyDictionary<string, string> values) => _values = values;

    /// <summary>All values by option name.</summary>
    public IReadOnlyDictionary<string, string> All => _values;

    /// <summary>True when the option has a non-empty value.</summary>
    /// <param name="name">Option name.</param>
    public bool IsSet(string name) => _values.TryGetValue(name, out var v) && v.Length > 0;

    /// <summary>The value as text.</summary>
    /// <param name="name">Option name.</param>
    public string GetText(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"Option '{name}' was not provided.");

    /// <summary>The value as a whole number.</summary>
    /// <param name="name">Option name.</param>
    public long GetInteger(string name) => long.Parse(GetText(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>The value as a real number.</summary>
    /// <param name="name">Option name.</param>
    public double GetNumber(string name) => double.Parse(GetText(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value as a boolean.</summary>
    /// <param name="name">Option name.</param>
    public bool GetBoolean(string name) => bool.Parse(GetText(name));
}
