namespace StyleForge.Plugins;

/// <summary>What a host asks of <see cref="IModelExporter.Export"/>.</summary>
/// <param name="ModelDirectory">The folder the plugin trained (or imported) the model into.</param>
/// <param name="Direction">Which mapping to export; one of <see cref="IModelExporter.ExportableDirections"/>.</param>
/// <param name="Format">One of <see cref="IModelExporter.ExportFormats"/>, by name.</param>
/// <param name="FormatVersion">The format version to write, within the format's range.</param>
/// <param name="Seamless">Build the model for tileable textures: wrap around the edges instead of mirroring them.</param>
/// <param name="OutputPath">The file to write; the plugin replaces it whole or leaves it untouched.</param>
public sealed record ModelExportRequest(
    string ModelDirectory,
    TranslationDirection Direction,
    string Format,
    int FormatVersion,
    bool Seamless,
    string OutputPath);
