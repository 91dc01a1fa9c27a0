namespace StyleForge.Plugins;

/// <summary>A progress update.</summary>
/// <param name="Stage">What is happening, for example "train".</param>
/// <param name="Current">Units done.</param>
/// <param name="Total">Units in all.</param>
/// <param name="Values">Named numbers to show beside the bar, such as losses; may be empty.</param>
public sealed record PluginProgress(string Stage, long Current, long Total, IReadOnlyDictionary<string, double> Values);
