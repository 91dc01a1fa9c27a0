namespace StyleForge.Host.Conversion;

/// <summary>What a run does with one file.</summary>
internal enum PlannedAction
{
    Convert,
    Skip,
    /// <summary>Refused before decoding, for example an output path outside the output folder.</summary>
    Fail,
    /// <summary>A texture in a format StyleForge cannot convert (EXR, PSD, KTX2, ...): listed, not failed.</summary>
    Unsupported,
}

/// <summary>One texture of the input tree, where its output goes, and what the run will do with it and why.</summary>
internal sealed record PlannedTexture(string RelativePath, string SourcePath, string? OutputPath, PlannedAction Action, string Reason)
{
    /// <summary>For a texture stylized as colour: the map-type rule that said so, or that no rule matched.</summary>
    public string? MapType { get; init; }
}
