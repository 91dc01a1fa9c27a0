using System.Text.Json;
using StyleForge.Engine.Runs;

namespace StyleForge.Engine.Training;

/// <summary>
/// styleforge-model.json, written by the host at the root of every trained model folder, so
/// <c>convert --model</c> knows which plugin reads it, and which options it was trained with: they
/// are the option values a conversion with this model starts from.
/// </summary>
/// <param name="Plugin">The plugin that trained the model and reads it.</param>
/// <param name="PluginVersion">That plugin's version at training time.</param>
/// <param name="ApiVersion">The plugin API it was built against.</param>
/// <param name="Iterations">Training iterations completed.</param>
/// <param name="Options">The resolved options of the training (defaults filled in); absent in manifests written before they were kept.</param>
public sealed record ModelManifest(string Plugin, string PluginVersion, string ApiVersion, long Iterations,
    IReadOnlyDictionary<string, string>? Options = null)
{
    public const string FileName = "styleforge-model.json";

    public void Write(string modelDirectory) =>
        AtomicFile.WriteAllText(Path.Combine(modelDirectory, FileName), JsonSerializer.Serialize(this, JsonOptions.Indented));

    /// <summary>
    /// Finds the model folder for a run folder, a training folder, a model folder, or a file inside one,
    /// looking upward and down into model/ and model/model/. `styleforge train --out DIR`
    /// exports to DIR/model, and a pipeline's train step trains into {run}/model, so a pipeline's run
    /// folder holds its model in model/model. Returns null when none is found.
    /// </summary>
    public static (string Directory, ModelManifest Manifest)? Locate(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        var candidates = new List<string> { directory, Path.Combine(directory, "model"), Path.Combine(directory, "model", "model") };
        for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            candidates.Add(parent);
        }
        foreach (var candidate in candidates)
        {
            var file = Path.Combine(candidate, FileName);
            if (File.Exists(file))
            {
                return (candidate, Read(file));
            }
        }
        return null;
    }

    /// <summary>Reads one manifest; throws <see cref="InvalidDataException"/> starting with the file's path when it is damaged.</summary>
    private static ModelManifest Read(string file)
    {
        const string advice = "it is written by 'styleforge train' and 'styleforge run'; restore it from the training run, or train again";
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(file), JsonOptions.Indented);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{file}: damaged model manifest, not valid JSON ({ex.Message}); {advice}", ex);
        }
        if (manifest is null || string.IsNullOrWhiteSpace(manifest.Plugin))
        {
            throw new InvalidDataException($"{file}: damaged model manifest, it names no plugin; {advice}");
        }
        return manifest;
    }
}
