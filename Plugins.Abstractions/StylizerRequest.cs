namespace StyleForge.Plugins;

/// <summary>What a host asks of <see cref="IStylizerPlugin.OpenStylizer"/>.</summary>
/// <param name="ModelDirectory">The folder the plugin trained into, or null for a plugin that needs no model.</param>
/// <param name="Direction">Which mapping to apply.</param>
/// <param name="Options">The plugin's validated options.</param>
public sealed record StylizerRequest(string? ModelDirectory, TranslationDirection Direction, OptionValues Options);
