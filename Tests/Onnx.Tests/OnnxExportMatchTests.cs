using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Onnx.Tests;

/// <summary>ONNX Runtime is the judge: an exported graph must compute what the TorchSharp generator computes.</summary>
public sealed class OnnxExportMatchTests
{
    private const float Tolerance = 1e-4f;

    [Theory]
    [InlineData(8, 2, "transpose", "reflect", 64, 64, "direct")]
    [InlineData(8, 2, "transpose", "reflect", 67, 93, "direct")]
    [InlineData(8, 2, "transpose", "reflect", 300, 129, "direct")]
    [InlineData(8, 2, "transpose", "circular", 64, 96, "direct")]
    [InlineData(8, 2, "transpose", "circular", 131, 75, "direct")]
    [InlineData(8, 2, "resize", "reflect", 97, 68, "direct")]
    [InlineData(8, 2, "resize", "circular", 128, 100, "direct")]
    [InlineData(8, 2, "resize", "reflect", 100, 68, "affine")]
    [InlineData(8, 2, "transpose", "circular", 64, 96, "affine")]
    [InlineData(64, 9, "transpose", "reflect", 65, 71, "direct")]
    [InlineData(64, 9, "transpose", "circular", 64, 64, "direct")]
    public void Given_a_generator_When_exported_Then_ONNX_Runtime_matches_TorchSharp_within_1e4(int ngf, int blocks, string upsample, string padding, int width, int height,
        string head)
    {
        var mode = padding == "circular" ? PaddingMode.Circular : PaddingMode.Reflect;
        using var generator = RandomGenerator(ngf, blocks, upsample == "resize" ? GeneratorUpsampling.Resize : GeneratorUpsampling.Transpose, seed: ngf + blocks,
            head == "affine" ? GeneratorHead.Affine : GeneratorHead.Direct);
        var model = OnnxGeneratorGraph.Build(generator, mode, OnnxGeneratorGraph.DefaultOpset, new Dictionary<string, string>());
        var input = RandomImage(width, height, seed: width * 1000 + height);

        var expected = RunTorch(generator, mode, input, width, height);
        var (actual, shape) = RunOnnx(model.ToByteArray(), input, width, height);

        Assert.Equal(expected.Shape, shape);
        var error = expected.Values.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(error <= Tolerance, $"max abs difference {error:E2} at {width}x{height} ({ngf}/{blocks}/{upsample}/{padding}/{head})");
    }

    [Theory]
    [InlineData(OnnxGeneratorGraph.MinimumOpset)]
    [InlineData(OnnxGeneratorGraph.DefaultOpset)]
    [InlineData(OnnxGeneratorGraph.MaximumOpset)]
    public void Given_each_end_of_the_opset_range_When_exported_Then_the_graph_declares_it_and_runs_both_paddings(int opset)
    {
        using var generator = RandomGenerator(4, 1, GeneratorUpsampling.Transpose, seed: 3);
        foreach (var mode in new[] { PaddingMode.Reflect, PaddingMode.Circular })
        {
            var model = OnnxGeneratorGraph.Build(generator, mode, opset, new Dictionary<string, string>());
            Assert.Equal(opset, Assert.Single(model.OpsetImport).Version);
            var input = RandomImage(36, 44, seed: opset);
            var expected = RunTorch(generator, mode, input, 36, 44);
            var (actual, _) = RunOnnx(model.ToByteArray(), input, 36, 44);
            Assert.True(expected.Values.Zip(actual, (a, b) => Math.Abs(a - b)).Max() <= Tolerance);
        }
    }

    [Fact]
    public void Given_an_exported_graph_Then_it_uses_only_the_promised_operators()
    {
        using var direct = RandomGenerator(4, 1, GeneratorUpsampling.Resize, seed: 5);
        using var affine = RandomGenerator(4, 1, GeneratorUpsampling.Resize, seed: 5, GeneratorHead.Affine);
        var allowed = new HashSet<string> { "Conv", "ConvTranspose", "InstanceNormalization", "Pad", "Relu", "Tanh", "Add", "Mul", "Slice", "Concat" };
        foreach (var mode in new[] { PaddingMode.Reflect, PaddingMode.Circular })
        {
            var directOps = OnnxGeneratorGraph.Build(direct, mode, 15, new Dictionary<string, string>()).Graph.Node.Select(n => n.OpType).ToHashSet();
            var affineOps = OnnxGeneratorGraph.Build(affine, mode, 15, new Dictionary<string, string>()).Graph.Node.Select(n => n.OpType).ToHashSet();
            Assert.Subset(allowed, directOps);
            Assert.Subset(allowed, affineOps);
            // Slice wraps the border of a seamless graph, and splits the affine head's channels.
            Assert.Equal(mode == PaddingMode.Circular, directOps.Contains("Slice"));
            Assert.True(affineOps.Contains("Slice") && affineOps.Contains("Mul"));
            Assert.DoesNotContain("Mul", directOps);
        }
    }

    [Fact]
    public void Given_an_opset_outside_the_range_When_building_Then_it_is_refused()
    {
        using var generator = RandomGenerator(4, 1, GeneratorUpsampling.Transpose, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxGeneratorGraph.Build(generator, PaddingMode.Reflect, OnnxGeneratorGraph.MinimumOpset - 1, new Dictionary<string, string>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxGeneratorGraph.Build(generator, PaddingMode.Reflect, OnnxGeneratorGraph.MaximumOpset + 1, new Dictionary<string, string>()));
    }

    internal static ResnetGenerator RandomGenerator(int ngf, int blocks, GeneratorUpsampling upsample, int seed, GeneratorHead head = GeneratorHead.Direct)
    {
        var generator = new ResnetGenerator(new GeneratorArchitecture(ngf, blocks, upsample, head));
        using var random = new torch.Generator((ulong)seed);
        ReferenceInitialization.Apply(generator, random);
        // Non-zero biases, so a bias the export drops or misplaces shows.
        using (no_grad())
        {
            foreach (var (name, parameter) in generator.named_parameters())
            {
                if (name.EndsWith(".bias", StringComparison.Ordinal))
                {
                    parameter.normal_(0, 0.1, random);
                }
            }
        }
        generator.eval();
        return generator;
    }

    internal static float[] RandomImage(int width, int height, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3 * width * height).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    internal static (float[] Values, long[] Shape) RunTorch(ResnetGenerator generator, PaddingMode mode, float[] input, int width, int height)
    {
        generator.UsePadding(mode);
        try
        {
            using var _ = no_grad();
            using var x = tensor(input, [1, 3, height, width]);
            using var y = generator.forward(x);
            return (y.data<float>().ToArray(), y.shape);
        }
        finally
        {
            generator.UsePadding(PaddingMode.Reflect);
        }
    }

    internal static (float[] Values, long[] Shape) RunOnnx(byte[] model, float[] input, int width, int height)
    {
        using var session = new InferenceSession(model);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, height, width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [OnnxGeneratorGraph.InputName], [value], [OnnxGeneratorGraph.OutputName]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[0].GetTensorTypeAndShape().Shape);
    }
}
