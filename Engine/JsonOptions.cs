using System.Text.Json;

namespace StyleForge.Engine;

/// <summary>The JSON settings every file and --json output of the host uses.</summary>
public static class JsonOptions
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
