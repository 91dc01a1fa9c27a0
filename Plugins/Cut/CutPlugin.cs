using StyleForge.Plugins;
using StyleForge.Plugins.Cut;
using StyleForge.Plugins.Cut.Benchmarks;
using StyleForge.Plugins.Cut.Training;
using StyleForge.Plugins.GanKit;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Inference;
using StyleForge.Plugins.GanKit.Runtime;

[assembly: StyleForgePlugin(typeof(CutPlugin))]

namespace StyleForge.Plugins.Cut;

/// <summary>
/// The CUT plugin: Contrastive Unpaired Translation and FastCUT (Park, Efros, Zhang, Zhu, ECCV 2020). One generator
/// learns A to B from two unpaired texture folders with an adversarial loss and PatchNCE instead of a cycle. It is
/// one-sided: there is no B-to-A model. Reading <see cref="Descriptor"/> never loads libtorch.
/// </summary>
public sealed class CutPlugin : ITrainableStylizerPlugin, IBenchmarkProvider, IModelExporter
{
    private static readonly PluginDescriptor DescriptorValue = new(
        "cut",
        "1.0.0",
        PluginApi.Current,
        "Unpaired texture-to-texture translation with CUT or FastCUT (Park et al. 2020): one ResNet generator, a PatchGAN and PatchNCE; A to B only.",
        CutOptions.Declared);

    /// <inheritdoc />
    public PluginDescriptor Descriptor => DescriptorValue;

    /// <inheritdoc />
    public TrainingResult Train(TrainingRequest request, IPluginContext context)
    {
        // Before libtorch loads: spinning OpenMP threads make training far faster on an idle machine and far slower on a busy one.
        context.Log.Info(OpenMpWaitPolicy.Apply());
        LibTorchResidency.EnsureSingleCopy();
        return new CutTraining(request, context).Run();
    }

    /// <inheritdoc />
    public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context)
    {
        if (request.ModelDirectory is null)
        {
            throw new PluginException("cut needs a trained model: pass the folder 'styleforge train --plugin cut --out' wrote.");
        }
        if (request.Direction == TranslationDirection.BToA)
        {
            throw new PluginException(
                "cut is one-sided: its model translates a2b only. To go from B to A, train a second cut model with the folders swapped " +
                "(--a B --b A) and convert a2b with it, or use cyclegan, which learns both directions.");
        }
        OpenMpWaitPolicy.Apply();
        LibTorchResidency.EnsureSingleCopy();
        var device = TorchDevice.Resolve(request.Options.GetText("device"), context.Device);
        var threads = (int)request.Options.GetInteger("threads");
        TorchSharp.torch.set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
        return GeneratorStylizer.Open(request.ModelDirectory, TranslationDirection.AToB, device, "CUT", request.Options, context.Log);
    }

    /// <inheritdoc />
    public IReadOnlyList<ModelFormat> ExportFormats { get; } = [OnnxModelExport.Format];

    /// <inheritdoc />
    public IReadOnlyList<TranslationDirection> ExportableDirections(string modelDirectory) => GeneratorExport.Directions(modelDirectory);

    /// <inheritdoc />
    public void Export(ModelExportRequest request, IPluginContext context) => OnnxModelExport.Export(request, DescriptorValue.Name, context);

    /// <inheritdoc />
    public IReadOnlyList<string> Benchmarks => CutBenchmarks.Names;

    /// <inheritdoc />
    public string Run(string name, IReadOnlyDictionary<string, string> arguments, IPluginContext context) => CutBenchmarks.Run(name, arguments, context);
}
