using System.Text.Json.Serialization;

namespace StyleForge.Plugins.ColorTransfer;

/// <summary>Mean and standard deviation of the three lαβ channels over every pixel of one domain.</summary>
/// <param name="Mean">Per channel: l, α, β.</param>
/// <param name="StandardDeviation">Per channel: l, α, β.</param>
/// <param name="Pixels">How many pixels were measured.</param>
/// <param name="Textures">How many textures they came from.</param>
internal sealed record ChannelStatistics(
    [property: JsonPropertyName("mean")] double[] Mean,
    [property: JsonPropertyName("std")] double[] StandardDeviation,
    [property: JsonPropertyName("pixels")] long Pixels,
    [property: JsonPropertyName("textures")] int Textures);
