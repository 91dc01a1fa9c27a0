using System.Globalization;
using StyleForge.Plugins;

namespace StyleForge.Engine.Options;

/// <summary>A user-supplied option value with where it was written.</summary>
public sealed record OptionInput(string Name, string Value, SourceLocation Where);

/// <summary>Checks user option values against a plugin's declared options and fills in defaults.</summary>
public static class PluginOptionBinder
{
    public static OptionValues Bind(PluginDescriptor plugin, IEnumerable<OptionInput> inputs, List<InputError> errors)
    {
        var declared = plugin.Options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var values = plugin.Options.ToDictionary(o => o.Name, o => o.Default, StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!declared.TryGetValue(input.Name, out var option))
            {
                errors.Add(new(input.Where,
                    $"plugin '{plugin.Name}' has no option '{input.Name}'{NearestName.Hint(input.Name, declared.Keys)}; " +
                    $"run 'styleforge plugins' to list its options"));
                continue;
            }
            var problem = Normalize(option, input.Value, out var normalized);
            if (problem is not null)
            {
                errors.Add(new(input.Where, $"option '{input.Name}' of plugin '{plugin.Name}': {problem}"));
                continue;
            }
            values[input.Name] = normalized;
        }
        return new OptionValues(values);
    }

    /// <summary>Returns null and the canonical text when the value fits the option, else what is wrong.</summary>
    public static string? Normalize(PluginOption option, string raw, out string normalized)
    {
        normalized = raw.Trim();
        if (normalized.Length == 0)
        {
            return option.Optional ? null : $"needs a value ({Describe(option)})";
        }
        switch (option.Type)
        {
            case PluginOptionType.Integer:
                if (!long.TryParse(normalized, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    return $"'{raw}' is not a whole number";
                }
                normalized = integer.ToString(CultureInfo.InvariantCulture);
                return CheckRange(option, integer);
            case PluginOptionType.Number:
                if (!double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    return $"'{raw}' is not a number";
                }
                normalized = number.ToString("R", CultureInfo.InvariantCulture);
                return CheckRange(option, number);
            case PluginOptionType.Boolean:
                if (!bool.TryParse(normalized, out var flag))
                {
                    return $"'{raw}' is not true or false";
                }
                normalized = flag ? "true" : "false";
                return null;
            case PluginOptionType.Choice:
                var wanted = normalized;
                var match = option.Choices.FirstOrDefault(c => string.Equals(c, wanted, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    return $"'{raw}' is not one of {string.Join(", ", option.Choices)}{NearestName.Hint(normalized, option.Choices)}";
                }
                normalized = match;
                return null;
            default:
                return null;
        }
    }

    public static string Describe(PluginOption option) => option.Type switch
    {
        PluginOptionType.Choice => "one of " + string.Join(", ", option.Choices),
        PluginOptionType.Integer => "a whole number" + RangeText(option),
        PluginOptionType.Number => "a number" + RangeText(option),
        PluginOptionType.Boolean => "true or false",
        _ => "text",
    };

    private static string? CheckRange(PluginOption option, double value)
    {
        if (option.Minimum is { } min && value < min || option.Maximum is { } max && value > max)
        {
            return $"{value.ToString(CultureInfo.InvariantCulture)} is out of range{RangeText(option)}";
        }
        return null;
    }

    private static string RangeText(PluginOption option) => (option.Minimum, option.Maximum) switch
    {
        ({ } min, { } max) => $" from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}",
        ({ } min, null) => $" of at least {min.ToString(CultureInfo.InvariantCulture)}",
        (null, { } max) => $" of at most {max.ToString(CultureInfo.InvariantCulture)}",
        _ => "",
    };
}
