using System.Text.Json;
using StyleForge.Engine.Runs;

namespace StyleForge.Engine.Sampling;

/// <summary>
/// .styleforge-sample.json in a sample folder: the parameters that made it and a hash of its files,
/// so a pipeline re-run can skip regenerating identical data.
/// </summary>
public sealed record SampleManifest(string Kind, int GeneratorVersion, int Size, int TrainCount, int TestCount, int Seed,
    int Files, string ContentHash)
{
    public const string FileName = ".styleforge-sample.json";

    /// <summary>Bump when the renderer's output changes, so old folders are regenerated.</summary>
    public const int CurrentGeneratorVersion = 1;

    public static SampleManifest For(string kind, SampleParameters parameters, int files, string contentHash) =>
        new(kind, CurrentGeneratorVersion, parameters.Size, parameters.TrainCount, parameters.TestCount, parameters.Seed, files, contentHash);

    public bool Matches(string kind, SampleParameters parameters) =>
        Kind == kind && GeneratorVersion == CurrentGeneratorVersion && Size == parameters.Size &&
        TrainCount == parameters.TrainCount && TestCount == parameters.TestCount && Seed == parameters.Seed;

    public void Write(string directory) =>
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, JsonOptions.Indented));

    /// <summary>The manifest in <paramref name="directory"/>, or null when there is none or it is unreadable (then the folder is regenerated).</summary>
    public static SampleManifest? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<SampleManifest>(File.ReadAllText(path), JsonOptions.Indented);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
