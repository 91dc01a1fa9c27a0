using System.Text.Json;
using StyleForge.Plugins.GanKit.Checkpoints;
using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Export;

/// <summary>
/// The inference-only model folder: G_A.pt (A to B) and G_B.pt (B to A) with generator weights only,
/// and generator.json with the architecture needed to rebuild them and the scale the model works at.
/// Each file is replaced by a rename.
/// </summary>
internal static class GeneratorExport
{
    public const string ArchitectureFile = "generator.json";

    /// <summary>The weight file for <paramref name="direction"/>.</summary>
    public static string WeightFile(TranslationDirection direction) => direction == TranslationDirection.AToB ? "G_A.pt" : "G_B.pt";

    /// <summary>Exports both directions of a two-sided model (CycleGAN's G_A and G_B).</summary>
    public static void Write(string modelDirectory, ResnetGenerator aToB, ResnetGenerator bToA, long iterations, double workingScale = 1) =>
        Write(modelDirectory, [(TranslationDirection.AToB, aToB), (TranslationDirection.BToA, bToA)], iterations, workingScale);

    /// <summary>
    /// Exports the generators of the directions a model learned (a one-sided model has only A to B). All share one
    /// architecture. <paramref name="workingScale"/> is the scale the model learned textures at (<see cref="WorkingScale.Of"/>),
    /// at which conversion runs. Refuses non-finite weights, so a damaged run never replaces a good export.
    /// </summary>
    public static void Write(string modelDirectory, IReadOnlyList<(TranslationDirection Direction, ResnetGenerator Generator)> generators, long iterations,
        double workingScale = 1)
    {
        WorkingScale.Check(workingScale, modelDirectory);
        if (NonFiniteValues.FirstInWeights(generators.Select(g => (Path.GetFileNameWithoutExtension(WeightFile(g.Direction)), (nn.Module)g.Generator))) is string bad)
        {
            throw new PluginException($"refusing to export the model to {modelDirectory}: weight {bad} is not finite.");
        }
        Directory.CreateDirectory(modelDirectory);
        foreach (var (direction, generator) in generators)
        {
            WriteAtomically(Path.Combine(modelDirectory, WeightFile(direction)), stream => ModuleStreams.Save(generator, stream));
        }
        var architecture = generators[0].Generator.Architecture;
        var description = new ExportedModel(architecture.Ngf, architecture.Blocks, iterations, architecture.UpsampleName, workingScale, architecture.HeadName);
        WriteAtomically(Path.Combine(modelDirectory, ArchitectureFile), stream => JsonSerializer.Serialize(stream, description, CheckpointJson.Options));
    }

    /// <summary>
    /// Rebuilds the generator for <paramref name="direction"/> from <paramref name="modelDirectory"/> (or its
    /// model/ subfolder) on <paramref name="device"/>, in eval mode.
    /// </summary>
    public static ResnetGenerator Load(string modelDirectory, TranslationDirection direction, Device device)
    {
        var folder = ModelFolder(modelDirectory);
        var description = ReadDescription(modelDirectory, out var descriptionPath);
        // Models exported before either value existed hold none: they are the reference's transpose and direct head.
        var upsample = GeneratorArchitecture.UpsampleNamed(description.Upsample)
            ?? throw new PluginException($"{descriptionPath}: upsample '{description.Upsample}' is not transpose or resize; export the model again with this plugin.");
        var head = GeneratorArchitecture.HeadNamed(description.Head)
            ?? throw new PluginException($"{descriptionPath}: head '{description.Head}' is not direct or affine; export the model again with this plugin.");
        var weights = Path.Combine(folder, WeightFile(direction));
        var architecture = new GeneratorArchitecture(description.Ngf, description.Blocks, upsample, head);
        var generator = new ResnetGenerator(architecture);
        try
        {
            using var stream = File.OpenRead(weights);
            generator.load(stream, strict: true);
        }
        catch (Exception ex)
        {
            generator.Dispose();
            throw new PluginException($"{weights} is missing, damaged or not a generator with {architecture.Summary} ({ex.Message}).", ex);
        }
        if (NonFiniteValues.FirstInWeights([(Path.GetFileName(weights), generator)]) is string bad)
        {
            generator.Dispose();
            throw new PluginException($"{weights}: weight {bad} is not finite (NaN or infinity); this model would write black or garbage textures. " +
                "Train it again (training now refuses non-finite updates), or use another model.");
        }
        generator.to(device);
        generator.eval();
        return generator;
    }

    /// <summary>
    /// The scale <paramref name="modelDirectory"/>'s model works at: textures are resized by it before the generator runs
    /// and the result is resized back. 1 for models exported before the value existed, and for imported ones.
    /// </summary>
    public static double ReadWorkingScale(string modelDirectory)
    {
        var description = ReadDescription(modelDirectory, out var descriptionPath);
        var scale = description.WorkingScale ?? 1.0;
        WorkingScale.Check(scale, descriptionPath);
        return scale;
    }

    private static ExportedModel ReadDescription(string modelDirectory, out string descriptionPath)
    {
        descriptionPath = Path.Combine(ModelFolder(modelDirectory), ArchitectureFile);
        if (!File.Exists(descriptionPath))
        {
            throw new PluginException($"no trained generator in {modelDirectory}: {ArchitectureFile} is missing; point --model at a folder 'styleforge train' wrote.");
        }
        try
        {
            return JsonSerializer.Deserialize<ExportedModel>(File.ReadAllText(descriptionPath), CheckpointJson.Options)
                ?? throw new JsonException("empty document");
        }
        catch (JsonException ex)
        {
            throw new PluginException($"{descriptionPath} is unreadable ({ex.Message}); export the model again with 'styleforge train ... --resume'.", ex);
        }
    }

    /// <summary>The folder holding generator.json: <paramref name="modelDirectory"/> itself or its model/ subfolder.</summary>
    public static string ModelFolder(string modelDirectory) =>
        File.Exists(Path.Combine(modelDirectory, ArchitectureFile)) ? modelDirectory : Path.Combine(modelDirectory, "model");

    /// <summary>The directions whose weight file the model folder holds (a one-sided model has A to B only).</summary>
    public static IReadOnlyList<TranslationDirection> Directions(string modelDirectory)
    {
        var folder = ModelFolder(modelDirectory);
        return [.. new[] { TranslationDirection.AToB, TranslationDirection.BToA }.Where(d => File.Exists(Path.Combine(folder, WeightFile(d))))];
    }

    /// <summary>Writes <paramref name="path"/> through a temporary file and a rename, so readers never see half a file.</summary>
    internal static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>generator.json; <paramref name="Upsample"/>, <paramref name="WorkingScale"/> and <paramref name="Head"/> are null in models exported before they existed.</summary>
    private sealed record ExportedModel(int Ngf, int Blocks, long Iterations, string? Upsample, double? WorkingScale, string? Head);
}
