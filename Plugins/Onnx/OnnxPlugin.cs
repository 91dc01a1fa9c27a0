using StyleForge.Plugins;
using StyleForge.Plugins.Onnx;

[assembly: StyleForgePlugin(typeof(OnnxPlugin))]

namespace StyleForge.Plugins.Onnx;

/// <summary>
/// The onnx plugin: runs an ONNX image-to-image model (one 'styleforge export' wrote, or another 3-channel NCHW model)
/// with ONNX Runtime on the CPU. It needs no model folder: the model is a file named by the 'model' option.
/// Reading <see cref="Descriptor"/> never loads ONNX Runtime's native library.
/// </summary>
public sealed class OnnxPlugin : IStylizerPlugin
{
    private static readonly PluginDescriptor DescriptorValue = new(
        "onnx",
        "1.0.0",
        PluginApi.Current,
        "Stylizes with an ONNX image-to-image model (an exported generator, or any 3-channel NCHW model) through ONNX Runtime on the CPU; no libtorch.",
        OnnxOptions.Declared);

    /// <inheritdoc />
    public PluginDescriptor Descriptor => DescriptorValue;

    /// <inheritdoc />
    public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context)
    {
        if (!request.Options.IsSet(OnnxOptions.Model))
        {
            throw new PluginException("onnx needs a model file: --set model=FILE.onnx (write one with 'styleforge export --model RUN --out FILE.onnx').");
        }
        var model = OnnxImageModel.Open(request.Options, context);
        try
        {
            model.CheckDirection(request.Direction);
            return new OnnxStylizer(model, request.Options.GetText(OnnxOptions.Upscale) == "guided");
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
