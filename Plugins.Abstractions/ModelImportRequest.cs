namespace StyleForge.Plugins;

/// <summary>What a host asks of <see cref="IModelImporter.Import"/>.</summary>
/// <param name="Source">The file to read, in the format named by <paramref name="Format"/>.</param>
/// <param name="Format">One of <see cref="IModelImporter.ImportFormats"/>, by name.</param>
/// <param name="Direction">Which mapping the file holds.</param>
/// <param name="OutputDirectory">The model folder to write; afterwards it opens with <see cref="IStylizerPlugin.OpenStylizer"/> like a trained one.</param>
public sealed record ModelImportRequest(string Source, string Format, TranslationDirection Direction, string OutputDirectory);
