namespace StyleForge.Host.Conversion;

/// <summary>A file that did not convert, with the reason for people.</summary>
internal sealed record ConversionFailure(string RelativePath, string Reason);

/// <summary>What a conversion run did: counts for the summary line and per-file detail for --json.</summary>
internal sealed record ConversionSummary(
    IReadOnlyList<string> Converted,
    IReadOnlyList<PlannedTexture> Skipped,
    IReadOnlyList<ConversionFailure> Failed,
    int NotSelected,
    int OtherShards,
    double Megapixels,
    double Seconds)
{
    public double MegapixelsPerSecond => Seconds > 0 ? Megapixels / Seconds : 0;

    /// <summary>0 when every selected file converted or was rightly skipped, 1 when any failed.</summary>
    public int ExitCode => Failed.Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
}
