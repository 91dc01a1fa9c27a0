using Google.Protobuf;
using Onnx;

namespace StyleForge.Plugins.GanKit.Export;

/// <summary>
/// Appends ONNX nodes and initializers to one graph, each value named once. Only the operators of
/// <see cref="OnnxGeneratorGraph"/> are here: Conv, ConvTranspose, InstanceNormalization, Pad (reflect), Relu, Tanh,
/// Add, Mul, Slice and Concat, all with the input forms of opset 11 and later (Pad and Slice take their numbers as inputs).
/// </summary>
internal sealed class OnnxGraphWriter
{
    // ONNX TensorProto.DataType values.
    private const int FloatType = 1;
    private const int Int64Type = 7;

    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);
    private int _next;

    public GraphProto Graph { get; } = new();

    /// <summary>Declares a float NCHW graph input or output with a dynamic batch, height and width.</summary>
    public static ValueInfoProto ImageValue(string name) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            TensorType = new TypeProto.Types.Tensor
            {
                ElemType = FloatType,
                Shape = new TensorShapeProto
                {
                    Dim =
                    {
                        new TensorShapeProto.Types.Dimension { DimParam = "batch" },
                        new TensorShapeProto.Types.Dimension { DimValue = 3 },
                        new TensorShapeProto.Types.Dimension { DimParam = "height" },
                        new TensorShapeProto.Types.Dimension { DimParam = "width" },
                    },
                },
            },
        },
    };

    /// <summary>Adds float weights as an initializer (raw little-endian data, as exporters write them) and returns its name.</summary>
    public string Weights(string name, float[] values, long[] dims)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        Graph.Initializer.Add(new TensorProto { Name = name, DataType = FloatType, Dims = { dims }, RawData = ByteString.CopyFrom(bytes) });
        return name;
    }

    /// <summary>A shared constant vector: ones or zeros for instance norm, or the integers Pad and Slice take as inputs.</summary>
    private string Constant(float value, long length)
    {
        var key = $"f{value}x{length}";
        if (!_constants.TryGetValue(key, out var name))
        {
            name = Weights($"const_{(value == 0 ? "zeros" : "ones")}_{length}", Enumerable.Repeat(value, (int)length).ToArray(), [length]);
            _constants[key] = name;
        }
        return name;
    }

    private string Integers(params long[] values)
    {
        var key = "i" + string.Join(",", values);
        if (!_constants.TryGetValue(key, out var name))
        {
            name = $"const_i64_{_constants.Count}";
            Graph.Initializer.Add(new TensorProto { Name = name, DataType = Int64Type, Dims = { values.Length }, Int64Data = { values } });
            _constants[key] = name;
        }
        return name;
    }

    public string Conv(string x, string weight, string bias, long kernel, long stride, long padding) =>
        Node("Conv", [x, weight, bias],
            Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride), Ints("pads", padding, padding, padding, padding));

    /// <summary>The reference's upsampling ConvTranspose2d(kernel 3, stride 2, padding 1, output_padding 1); weights are [in, out, 3, 3] in both.</summary>
    public string ConvTranspose(string x, string weight, string bias, long kernel) =>
        Node("ConvTranspose", [x, weight, bias],
            Ints("kernel_shape", kernel, kernel), Ints("strides", 2, 2), Ints("pads", 1, 1, 1, 1), Ints("output_padding", 1, 1));

    /// <summary>
    /// Nearest-neighbour 2x upsampling without the Resize operator: a depthwise ConvTranspose with a 2x2 kernel of ones and
    /// stride 2 copies each pixel into a 2x2 block, which is exactly what nearest-neighbour interpolation by 2 does.
    /// </summary>
    public string NearestUpsample2x(string x, long channels)
    {
        var ones = Weights($"upsample2x_{_next++}", Enumerable.Repeat(1f, (int)(channels * 4)).ToArray(), [channels, 1, 2, 2]);
        return Node("ConvTranspose", [x, ones], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2), Int("group", channels));
    }

    /// <summary>InstanceNormalization without affine parameters: scale 1, bias 0, PyTorch's epsilon 1e-5.</summary>
    public string InstanceNorm(string x, long channels) =>
        Node("InstanceNormalization", [x, Constant(1f, channels), Constant(0f, channels)], Float("epsilon", 1e-5f));

    public string Relu(string x) => Node("Relu", [x]);

    public string Tanh(string x) => Node("Tanh", [x]);

    public string Add(string a, string b) => Node("Add", [a, b]);

    /// <summary>
    /// <see cref="Model.AffineHead"/>: tanh((1 + g) x + o), g the first three channels of <paramref name="coefficients"/>
    /// and o the last three, x the image <paramref name="input"/>.
    /// </summary>
    public string AffineHead(string input, string coefficients)
    {
        var gain = Node("Slice", [coefficients, Integers(0), Integers(3), Integers(1)]);
        var offset = Node("Slice", [coefficients, Integers(3), Integers(6), Integers(1)]);
        var scaled = Node("Mul", [Add(gain, Constant(1f, 1)), input]);
        return Tanh(Add(scaled, offset));
    }

    /// <summary>Mirrors <paramref name="size"/> pixels on every side of H and W (PyTorch's ReflectionPad2d).</summary>
    public string ReflectPad(string x, long size) =>
        Node("Pad", [x, Integers(0, 0, size, size, 0, 0, size, size)], Text("mode", "reflect"));

    /// <summary>
    /// Wraps <paramref name="size"/> pixels around every side of H and W (PyTorch's circular padding). Pad's "wrap" mode
    /// needs opset 19; slicing the last and first rows and concatenating them around the image runs in every opset since 11.
    /// </summary>
    public string WrapPad(string x, long size)
    {
        foreach (var axis in new long[] { 2, 3 })
        {
            var before = Node("Slice", [x, Integers(-size), Integers(long.MaxValue), Integers(axis)]);
            var after = Node("Slice", [x, Integers(0), Integers(size), Integers(axis)]);
            x = Node("Concat", [before, x, after], Int("axis", axis));
        }
        return x;
    }

    /// <summary>Renames the last node's output to <paramref name="name"/> (the graph output).</summary>
    public void NameLastOutput(string name)
    {
        var last = Graph.Node[^1];
        last.Output[0] = name;
    }

    private string Node(string op, string[] inputs, params AttributeProto[] attributes)
    {
        var output = $"{op.ToLowerInvariant()}_{_next++}";
        var node = new NodeProto { OpType = op, Name = output, Input = { inputs }, Output = { output } };
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    private static AttributeProto Ints(string name, params long[] values) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Ints, Ints = { values } };

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };
}
