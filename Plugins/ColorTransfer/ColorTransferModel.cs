using System.Text.Json;
using System.Text.Json.Serialization;

namespace StyleForge.Plugins.ColorTransfer;

/// <summary>What "training" produces: the lαβ statistics of both domains, stored as JSON in the model folder.</summary>
/// <param name="ColorSpace">Names the space the statistics live in, so a later format change is detected.</param>
/// <param name="DomainA">Statistics of domain A.</param>
/// <param name="DomainB">Statistics of domain B.</param>
internal sealed record ColorTransferModel(
    [property: JsonPropertyName("color_space")] string ColorSpace,
    [property: JsonPropertyName("domain_a")] ChannelStatistics DomainA,
    [property: JsonPropertyName("domain_b")] ChannelStatistics DomainB)
{
    public const string FileName = "colortransfer-statistics.json";
    public const string ReinhardLab = "reinhard-lab-2001";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes the statistics next to a temporary name first, so a kill never leaves half a file.</summary>
    public void Save(string modelDirectory)
    {
        Directory.CreateDirectory(modelDirectory);
        var path = Path.Combine(modelDirectory, FileName);
        var temporary = path + ".partial";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    public static ColorTransferModel Load(string? modelDirectory)
    {
        if (modelDirectory is null)
        {
            throw new PluginException("colortransfer needs a model folder: train it first, e.g. 'styleforge train --plugin colortransfer --a DAY --b NIGHT --out runs/ct'");
        }
        var path = Path.Combine(modelDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new PluginException($"{path} not found: this folder was not trained by colortransfer; train it with 'styleforge train --plugin colortransfer'");
        }
        ColorTransferModel? model;
        try
        {
            model = JsonSerializer.Deserialize<ColorTransferModel>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new PluginException($"{path} is not valid colortransfer statistics ({ex.Message}); train again to rewrite it", ex);
        }
        if (model is null || model.ColorSpace != ReinhardLab || !IsComplete(model.DomainA) || !IsComplete(model.DomainB))
        {
            throw new PluginException($"{path} does not hold {ReinhardLab} statistics for both domains; train again to rewrite it");
        }
        return model;
    }

    private static bool IsComplete(ChannelStatistics? statistics) =>
        statistics is { Mean.Length: 3, StandardDeviation.Length: 3 };
}
