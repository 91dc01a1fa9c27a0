using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan;
using StyleForge.Plugins.CycleGan.Benchmarks;
using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Import;
using StyleForge.Plugins.GanKit.Inference;
using StyleForge.Plugins.GanKit.Runtime;

[assembly: StyleForgePlugin(typeof(CycleGanPlugin))]

namespace StyleForge.Plugins.CycleGan;

/// <summary>
/// The CycleGAN plugin: learns A to B and B to A from two unpaired texture folders and applies either
/// mapping. Reading <see cref="Descriptor"/> never loads libtorch; training and stylizing do.
/// </summary>
public sealed class CycleGanPlugin : ITrainableStylizerPlugin, IBenchmarkProvider, IModelExporter, IModelImporter
{
    private static readonly Benchmarks.CycleGanBenchmarks BenchmarkSuite = new();

    private static readonly PluginDescriptor DescriptorValue = new(
        "cyclegan",
        "1.0.0",
        PluginApi.Current,
        "Unpaired texture-to-texture translation with CycleGAN (Zhu et al. 2017): ResNet generators, PatchGAN discriminators.",
        CycleGanOptions.Declared);

    /// <inheritdoc />
    public PluginDescriptor Descriptor => DescriptorValue;

    /// <inheritdoc />
    public TrainingResult Train(TrainingRequest request, IPluginContext context)
    {
        // Before libtorch loads: spinning OpenMP threads make training far faster on an idle machine and far slower on a busy one.
        context.Log.Info(OpenMpWaitPolicy.Apply());
        LibTorchResidency.EnsureSingleCopy();
        return new CycleGanTraining(request, context).Run();
    }

    /// <inheritdoc />
    public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context)
    {
        if (request.ModelDirectory is null)
        {
            throw new PluginException("cyclegan needs a trained model: pass the folder 'styleforge train --out' wrote.");
        }
        OpenMpWaitPolicy.Apply();
        LibTorchResidency.EnsureSingleCopy();
        // Only the options inference reads: training-only checks (crop against load size, the schedule) do not apply here.
        var device = TorchDevice.Resolve(GanOptions.Device.Read(request.Options), context.Device);
        var threads = (int)CycleGanOptions.Threads.Read(request.Options);
        // Every core unless told otherwise.
        TorchSharp.torch.set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
        return GeneratorStylizer.Open(request.ModelDirectory, request.Direction, device, "CycleGAN", request.Options, context.Log);
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelFormat> ExportFormats { get; } = [OnnxModelExport.Format];

    /// <inheritdoc />
    public IReadOnlyList<TranslationDirection> ExportableDirections(string modelDirectory) => GeneratorExport.Directions(modelDirectory);

    /// <inheritdoc />
    public void Export(ModelExportRequest request, IPluginContext context) => OnnxModelExport.Export(request, DescriptorValue.Name, context);

    /// <inheritdoc />
    public IReadOnlyList<string> ImportFormats { get; } = [PyTorchImport.Format];

    /// <inheritdoc />
    public ModelImportResult Import(ModelImportRequest request, IPluginContext context)
    {
        LibTorchResidency.EnsureSingleCopy();
        return PyTorchImport.Import(request, context);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Benchmarks => BenchmarkSuite.Names;

    /// <inheritdoc />
    public string Run(string name, IReadOnlyDictionary<string, string> arguments, IPluginContext context) => BenchmarkSuite.Run(name, arguments, context);
}
