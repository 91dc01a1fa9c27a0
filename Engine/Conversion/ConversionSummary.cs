namespace StyleForge.Engine.Conversion;

/// <summary>A file that did not convert, with the reason for people.</summary>
public sealed record ConversionFailure(string RelativePath, string Reason);

/// <summary>What a conversion run did: counts for the summary line and per-file detail for --json.</summary>
public sealed record ConversionSummary(
    IReadOnlyList<string> Converted,
    IReadOnlyList<PlannedTexture> Skipped,
    IReadOnlyList<ConversionFailure> Failed,
    int NotSelected,
    int OtherShards,
    double Megapixels,
    double Seconds)
{
    public double MegapixelsPerSecond => Seconds > 0 ? Megapixels / Seconds : 0;

    /// <summary>
    /// Textures in formats StyleForge cannot convert (EXR, PSD, KTX2, ...) or of kinds it cannot write back faithfully
    /// (a TIFF with premultiplied alpha, a multi-page file). Listed by name in the summary,
    /// the JSON and the manifest, but not failures: they do not change the exit code (docs/convert.md says why).
    /// </summary>
    public IReadOnlyList<PlannedTexture> Unsupported { get; init; } = Array.Empty<PlannedTexture>();

    /// <summary>Why the manifest could not be saved at the end (disk full, read-only), or null when it was.</summary>
    public string? ManifestProblem { get; init; }

    /// <summary>
    /// True when every selected file converted, was rightly skipped or is in a listed unsupported format and the
    /// manifest was saved; a front end reports anything else as a partial failure (exit 1).
    /// </summary>
    public bool Complete => Failed.Count == 0 && ManifestProblem is null;
}
