using System.Text.Json;

namespace StyleForge.Plugins.GanKit.Checkpoints;

/// <summary>The JSON conventions of the plugin's own files: snake_case, indented, like the host's.</summary>
internal static class CheckpointJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };
}
