namespace StyleForge.Plugins;

/// <summary>What training produced.</summary>
/// <param name="ModelDirectory">The folder to pass back in <see cref="StylizerRequest.ModelDirectory"/>.</param>
/// <param name="Iterations">Iterations completed in total, including resumed ones.</param>
/// <param name="FinalValues">Last values of the tracked quantities (losses and the like), by name.</param>
public sealed record TrainingResult(string ModelDirectory, long Iterations, IReadOnlyDictionary<string, double> FinalValues);
