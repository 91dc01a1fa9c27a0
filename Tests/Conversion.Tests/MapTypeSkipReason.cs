using StyleForge.Engine.Conversion;

namespace StyleForge.Conversion.Tests;

/// <summary>What the planner reports for a name, as the map-type tests check it.</summary>
internal static class MapTypeSkipReason
{
    /// <summary>The reason a data rule gives (for example "normal map (rule _n, common)"), or null for a colour map or no match.</summary>
    public static string? SkipReason(this MapTypeRules rules, string relativePath) =>
        rules.Match(relativePath) is { Kind: MapKind.Data } rule ? rule.Describe() : null;
}
