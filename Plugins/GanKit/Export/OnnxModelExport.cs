using System.Globalization;
using Onnx;
using Google.Protobuf;
using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Runtime;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Export;

/// <summary>
/// <see cref="IModelExporter"/> for the plugins whose models are ResNet generators (CycleGAN, CUT): one direction of a
/// model folder as an ONNX file with its conventions in the metadata properties (docs/export.md lists them).
/// </summary>
internal static class OnnxModelExport
{
    public static readonly ModelFormat Format = new(
        "onnx",
        ".onnx",
        "ONNX: Unity Sentis (opsets 7 to 15), Unreal NNE, ONNX Runtime and the onnx plugin run it.",
        OnnxGeneratorGraph.MinimumOpset,
        OnnxGeneratorGraph.MaximumOpset,
        OnnxGeneratorGraph.DefaultOpset);

    /// <summary>The model_family metadata value of every export, so a reader can tell a StyleForge generator from another model.</summary>
    public const string ModelFamily = "resnet_generator";

    public static void Export(ModelExportRequest request, string pluginName, IPluginContext context)
    {
        if (!string.Equals(request.Format, Format.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginException($"{pluginName} exports {Format.Name} only, not '{request.Format}'.");
        }
        LibTorchResidency.EnsureSingleCopy();
        using var generator = GeneratorExport.Load(request.ModelDirectory, request.Direction, CPU);
        var padding = request.Seamless ? PaddingMode.Circular : PaddingMode.Reflect;
        var architecture = generator.Architecture;
        var workingScale = GeneratorExport.ReadWorkingScale(request.ModelDirectory);
        var metadata = new Dictionary<string, string>
        {
            ["direction"] = request.Direction == TranslationDirection.AToB ? "a2b" : "b2a",
            ["normalization"] = "[-1,1]",
            ["color_space"] = "sRGB",
            ["layout"] = "NCHW RGB",
            ["padding"] = request.Seamless ? "circular" : "reflect",
            ["size_multiple"] = "4",
            ["model_family"] = ModelFamily,
            ["source_plugin"] = pluginName,
            ["ngf"] = architecture.Ngf.ToString(CultureInfo.InvariantCulture),
            ["blocks"] = architecture.Blocks.ToString(CultureInfo.InvariantCulture),
            ["upsample"] = architecture.UpsampleName,
            ["head"] = architecture.HeadName,
            ["working_scale"] = workingScale.ToString("R", CultureInfo.InvariantCulture),
        };
        var model = OnnxGeneratorGraph.Build(generator, padding, request.FormatVersion, metadata);
        var directory = Path.GetDirectoryName(Path.GetFullPath(request.OutputPath))!;
        try
        {
            Directory.CreateDirectory(directory);
            GeneratorExport.WriteAtomically(request.OutputPath, stream => model.WriteTo(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PluginException($"cannot write {request.OutputPath}: {ex.Message}", ex);
        }
        context.Log.Info($"wrote {request.OutputPath}: {pluginName} generator {metadata["direction"]}, ngf {architecture.Ngf}, {architecture.Blocks} blocks, " +
            $"{metadata["padding"]} padding, opset {request.FormatVersion}, {new FileInfo(request.OutputPath).Length / 1e6:F1} MB" +
            (workingScale == 1 ? "" : $"; it works at scale {metadata["working_scale"]}: shrink textures by that before running it and resize the result back (the onnx plugin does)"));
    }
}
