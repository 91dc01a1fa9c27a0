using System.Globalization;

namespace StyleForge.Engine.Evaluation;

/// <summary>How a score reads in tables, reports and messages: invariant digits, "n/a" where it could not be computed.</summary>
public static class ScoreText
{
    public static string Format(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
