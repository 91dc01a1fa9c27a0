namespace StyleForge.Plugins;

/// <summary>What an import produced.</summary>
/// <param name="ModelDirectory">The folder to pass back in <see cref="StylizerRequest.ModelDirectory"/>.</param>
/// <param name="Summary">One line for people saying what was recognised, for example the network's size.</param>
/// <param name="Options">Option values a conversion with this model should start from (the shape found in the file), by name; may be empty.</param>
public sealed record ModelImportResult(string ModelDirectory, string Summary, IReadOnlyDictionary<string, string> Options);
