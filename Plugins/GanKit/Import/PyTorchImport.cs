using System.Globalization;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Model;

namespace StyleForge.Plugins.GanKit.Import;

/// <summary>
/// <see cref="IModelImporter"/> for the reference's PyTorch generators: one direction's state dict becomes a model
/// folder like the one training exports (generator.json and G_A.pt or G_B.pt), so it converts and exports like a
/// trained model. Importing the other direction into the same folder adds it, when the shapes agree and the folder's
/// model works at the textures' own size (scale 1, as imported weights do).
/// </summary>
internal static class PyTorchImport
{
    public const string Format = "pytorch";

    public static ModelImportResult Import(ModelImportRequest request, IPluginContext context)
    {
        if (!string.Equals(request.Format, Format, StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginException($"format '{request.Format}' cannot be imported; the formats are: {Format}.");
        }
        var tensors = ReferenceStateDict.Read(request.Source);
        try
        {
            using var generator = ReferenceStateDict.Load(request.Source, tensors);
            var architecture = generator.Architecture;
            var other = request.Direction == TranslationDirection.AToB ? TranslationDirection.BToA : TranslationDirection.AToB;
            var generators = new List<(TranslationDirection, ResnetGenerator)> { (request.Direction, generator) };
            ResnetGenerator? kept = null;
            if (GeneratorExport.Directions(request.OutputDirectory).Contains(other))
            {
                // A model folder has one working scale. Imported weights carry none (the reference converts at the
                // textures' own size, 1); rewriting the folder at 1 would silently change how the kept direction converts.
                // Checked from generator.json before the kept weights are loaded.
                var keptScale = GeneratorExport.ReadWorkingScale(request.OutputDirectory);
                if (keptScale != 1)
                {
                    throw new PluginException($"{request.OutputDirectory} already holds a {Name(other)} generator that works at scale " +
                        $"{keptScale.ToString("0.###", CultureInfo.InvariantCulture)} (trained with a load_size below its textures' size), " +
                        $"but imported PyTorch weights work at scale 1, and a model folder has one scale; import into another folder.");
                }
                // The folder already holds the other direction: keep it, if it is the same network shape.
                kept = GeneratorExport.Load(request.OutputDirectory, other, TorchSharp.torch.CPU);
                if (kept.Architecture != architecture)
                {
                    var found = kept.Architecture;
                    kept.Dispose();
                    throw new PluginException($"{request.OutputDirectory} already holds a {Name(other)} generator with {found.Summary}, " +
                        $"but {request.Source} has {architecture.Summary}; import into another folder.");
                }
                generators.Add((other, kept));
            }
            try
            {
                GeneratorExport.Write(request.OutputDirectory, generators, iterations: 0);
            }
            finally
            {
                kept?.Dispose();
            }
            var summary = $"{request.Source}: ResNet generator, ngf {architecture.Ngf}, {architecture.Blocks} blocks, instance norm, transposed-conv upsampling; " +
                $"imported as {Name(request.Direction)}{(kept is null ? "" : $" beside the {Name(other)} already there")}";
            context.Log.Info(summary);
            var options = new Dictionary<string, string>
            {
                ["ngf"] = architecture.Ngf.ToString(CultureInfo.InvariantCulture),
                ["blocks"] = architecture.Blocks.ToString(CultureInfo.InvariantCulture),
                ["upsample"] = "transpose",
                ["head"] = "direct",
            };
            return new ModelImportResult(request.OutputDirectory, summary, options);
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static string Name(TranslationDirection direction) => direction == TranslationDirection.AToB ? "a2b" : "b2a";
}
