using System.Text.Json;

namespace StyleForge.Host;

/// <summary>The JSON settings every file and --json output of the host uses.</summary>
internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
