namespace StyleForge.Engine.Conversion;

/// <summary>What a run does with one file.</summary>
public enum PlannedAction
{
    Convert,
    Skip,
    /// <summary>Refused before decoding, for example an output path outside the output folder.</summary>
    Fail,
    /// <summary>A texture in a format StyleForge cannot convert (EXR, PSD, KTX2, ...): listed, not failed.</summary>
    Unsupported,
}

/// <summary>One texture of the input tree, where its output goes, and what the run will do with it and why.</summary>
public sealed record PlannedTexture(string RelativePath, string SourcePath, string? OutputPath, PlannedAction Action, string Reason)
{
    /// <summary>The map-type rule the name matched, colour or data, or null when none did.</summary>
    public MapTypeRule? Rule { get; init; }

    /// <summary>For people: the rule that made this a colour map or a data map, or that no rule matched.</summary>
    public string MapType => Rule?.Describe() ?? ConversionPlanner.NoRuleMatched;
}
