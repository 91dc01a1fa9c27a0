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
    /// Finds the model folder, exactly: <paramref name="path"/> is a model folder (it holds the manifest), or a run or
    /// training folder whose model/ holds it; a file stands for the folder it is in. Nothing above is searched: a path
    /// that happens to lie inside some run must not pick that run's model. `styleforge train --out DIR` and a pipeline's
    /// train step both put the model in DIR/model. Returns null when none is found; throws
    /// <see cref="InvalidDataException"/> for a run folder of the older layout (model/model/), saying what to pass instead.
    /// </summary>
    public static (string Directory, ModelManifest Manifest)? Locate(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        foreach (var candidate in new[] { directory, Path.Combine(directory, "model") })
        {
            var file = Path.Combine(candidate, FileName);
            if (File.Exists(file))
            {
                return (candidate, Read(file));
            }
        }
        var older = Path.Combine(directory, "model", "model");
        if (File.Exists(Path.Combine(older, FileName)))
        {
            // Pipelines before the run layout was made exact trained into {run}/model, so the model sat in {run}/model/model.
            throw new InvalidDataException(
                $"{directory} holds its model in model/model/, the layout of pipeline runs written before StyleForge put the model in {{run}}/model; " +
                $"pass {Path.Combine(directory, "model")} instead (--model, or 'model:' in a pipeline)");
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
