using Onnx;
using StyleForge.Plugins.GanKit.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Export;

/// <summary>
/// Builds the ONNX graph of a <see cref="ResnetGenerator"/>, layer for layer, with its weights as initializers:
/// input "input" and output "output", float NCHW, 3 channels in [-1, 1], dynamic batch, height and width.
/// Reflect mode is the reference network; circular mode is the seamless network, built as
/// <see cref="ResnetGenerator.UsePadding"/> switches it (wrap-around padding, the downsampling convolutions wrapping
/// one pixel instead of zero-padding, the transposed convolutions unchanged). An affine head (<see cref="GeneratorHead.Affine"/>)
/// is written after the layers, from the graph's input and the last convolution's six channels.
/// </summary>
internal static class OnnxGeneratorGraph
{
    /// <summary>The opsets written. Below 11, Pad and Slice take attributes instead of inputs; ONNX Runtime 1.31 runs up to 21 with IR 10.</summary>
    public const int MinimumOpset = 11;
    public const int MaximumOpset = 21;

    /// <summary>Unity Sentis reads opsets 7 to 15; 15 is the newest every engine named in docs/export.md runs.</summary>
    public const int DefaultOpset = 15;

    public const string InputName = "input";
    public const string OutputName = "output";

    public static ModelProto Build(ResnetGenerator generator, PaddingMode padding, int opset, IReadOnlyDictionary<string, string> metadata)
    {
        if (opset is < MinimumOpset or > MaximumOpset)
        {
            throw new ArgumentOutOfRangeException(nameof(opset), opset, $"opsets {MinimumOpset} to {MaximumOpset} are written");
        }
        var writer = new OnnxGraphWriter();
        writer.Graph.Name = "styleforge_resnet_generator";
        writer.Graph.Input.Add(OnnxGraphWriter.ImageValue(InputName));
        writer.Graph.Output.Add(OnnxGraphWriter.ImageValue(OutputName));
        using (no_grad())
        {
            var walk = new LayerWalk(writer, padding);
            var last = walk.Children(generator, "", InputName);
            if (generator.Architecture.Head == GeneratorHead.Affine)
            {
                writer.AffineHead(InputName, last);
            }
        }
        writer.NameLastOutput(OutputName);
        var model = new ModelProto
        {
            IrVersion = IrVersion(opset),
            ProducerName = "StyleForge",
            ProducerVersion = typeof(OnnxGeneratorGraph).Assembly.GetName().Version?.ToString(3) ?? "",
            Graph = writer.Graph,
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = opset } },
        };
        foreach (var (key, value) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }
        return model;
    }

    /// <summary>The IR version released with each opset (onnx/onnx docs/Versioning.md); a runtime reads the IR it was built for and older.</summary>
    private static long IrVersion(int opset) => opset switch
    {
        11 => 6,
        <= 14 => 7,
        <= 18 => 8,
        <= 20 => 9,
        _ => 10,
    };

    /// <summary>One pass over the module tree; keys are the saved-weight keys (model.1.weight), which name the initializers.</summary>
    private sealed class LayerWalk(OnnxGraphWriter writer, PaddingMode padding)
    {
        private long _channels = 3;

        public string Children(nn.Module module, string prefix, string x)
        {
            foreach (var (name, child) in module.named_children())
            {
                x = Layer(child, prefix + name, x);
            }
            return x;
        }

        private string Layer(nn.Module module, string key, string x)
        {
            switch (module)
            {
                case Sequential:
                    return Children(module, key + ".", x);
                case ResnetBlock:
                    return writer.Add(x, Children(module, key + ".", x));
                case BorderPad pad:
                    return Pad(x, pad.Size);
                case AlignedConv2d conv:
                    return writer.Conv(x, Weight(key, conv.Weight), Bias(key, conv.Bias), conv.Weight.shape[2], conv.Stride, conv.Padding);
                case DownsampleConv conv:
                    // DownsampleConv: zero padding 1 in reflect mode, one wrapped pixel then none in circular mode.
                    return padding == PaddingMode.Circular
                        ? writer.Conv(writer.WrapPad(x, 1), Weight(key, conv.Weight), Bias(key, conv.Bias), 3, 2, 0)
                        : writer.Conv(x, Weight(key, conv.Weight), Bias(key, conv.Bias), 3, 2, 1);
                case ResizeConv conv:
                    var upsampled = writer.NearestUpsample2x(x, _channels);
                    return writer.Conv(Pad(upsampled, 1), Weight(key, conv.Weight), Bias(key, conv.Bias), 3, 1, 0);
                case ConvTranspose2d transpose:
                    var weight = Weights(key + ".weight", transpose.weight!);
                    _channels = transpose.weight!.shape[1];
                    return writer.ConvTranspose(x, weight, Weights(key + ".bias", transpose.bias!), transpose.weight.shape[2]);
                case Model.InstanceNorm:
                    return writer.InstanceNorm(x, _channels);
                case ReLU:
                    return writer.Relu(x);
                case Tanh:
                    return writer.Tanh(x);
                default:
                    throw new PluginException($"layer {key} ({module.GetType().Name}) has no ONNX export; export supports the ResNet generator's layers only.");
            }
        }

        private string Pad(string x, long size) => padding == PaddingMode.Circular ? writer.WrapPad(x, size) : writer.ReflectPad(x, size);

        private string Weight(string key, Tensor weight)
        {
            _channels = weight.shape[0];
            return Weights(key + ".weight", weight);
        }

        private string Bias(string key, Tensor bias) => Weights(key + ".bias", bias);

        private string Weights(string name, Tensor tensor)
        {
            using var values = tensor.detach().cpu().contiguous().data<float>();
            return writer.Weights(name, values.ToArray(), tensor.shape);
        }
    }
}
