using Google.Protobuf;
using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.Onnx.Tests;

/// <summary>
/// State dicts written by PyTorch itself (python3-torch) with the reference generator definition: imported by the
/// cyclegan plugin, they compute what PyTorch computed, in TorchSharp and, exported, in ONNX Runtime.
/// </summary>
public sealed class PyTorchImportTests : IDisposable
{
    private const float Tolerance = 1e-4f;

    private readonly TempFolder _temp = new();
    private readonly TestContext _context;

    public PyTorchImportTests() => _context = new TestContext(_temp.Path);

    private ModelImportResult Import(string source, string output, TranslationDirection direction = TranslationDirection.AToB) =>
        new CycleGanPlugin().Import(new ModelImportRequest(source, "pytorch", direction, output), _context);

    [SkippableTheory]
    [InlineData(8, 2, 67, 45, "plain")]
    [InlineData(8, 3, 64, 64, "dropout")]
    [InlineData(64, 9, 68, 52, "plain")]
    [InlineData(64, 6, 33, 40, "plain")]
    public void Given_a_reference_state_dict_When_imported_Then_TorchSharp_and_the_ONNX_export_match_PyTorch_within_1e4(
        int ngf, int blocks, int width, int height, string variant)
    {
        // Given PyTorch's own output for a random input
        var written = _temp.Combine($"py-{ngf}-{blocks}-{variant}");
        ReferencePython.WriteGenerator(written, ngf, blocks, seed: ngf + blocks, width, height, variant);
        var input = ReferencePython.ReadFloats(Path.Combine(written, "input.bin"));
        var expected = ReferencePython.ReadFloats(Path.Combine(written, "output.bin"));

        // When imported, then run by TorchSharp and, exported, by ONNX Runtime
        var model = _temp.Combine($"model-{ngf}-{blocks}-{variant}");
        var result = Import(Path.Combine(written, "net_G.pth"), model);
        Assert.Equal((ngf.ToString(), blocks.ToString()), (result.Options["ngf"], result.Options["blocks"]));
        using var generator = GeneratorExport.Load(model, TranslationDirection.AToB, CPU);
        var (torchOutput, _) = OnnxExportMatchTests.RunTorch(generator, PaddingMode.Reflect, input, width, height);
        var onnx = OnnxGeneratorGraph.Build(generator, PaddingMode.Reflect, 15, new Dictionary<string, string>());
        var (onnxOutput, _) = OnnxExportMatchTests.RunOnnx(onnx.ToByteArray(), input, width, height);

        // Then both match PyTorch
        Assert.Equal(expected.Length, torchOutput.Length);
        var torchError = expected.Zip(torchOutput, (a, b) => Math.Abs(a - b)).Max();
        var onnxError = expected.Zip(onnxOutput, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(torchError <= Tolerance, $"TorchSharp vs PyTorch: {torchError:E2}");
        Assert.True(onnxError <= Tolerance, $"ONNX Runtime vs PyTorch: {onnxError:E2}");
    }

    [SkippableFact]
    public void Given_both_directions_imported_into_one_folder_Then_it_holds_both()
    {
        var written = _temp.Combine("py");
        ReferencePython.WriteGenerator(written, 4, 1, seed: 3, 32, 32);
        var model = _temp.Combine("both");

        Import(Path.Combine(written, "net_G.pth"), model, TranslationDirection.AToB);
        Import(Path.Combine(written, "net_G.pth"), model, TranslationDirection.BToA);

        Assert.Equal([TranslationDirection.AToB, TranslationDirection.BToA], GeneratorExport.Directions(model));
    }

    [SkippableFact]
    public void Given_a_folder_whose_model_works_at_half_scale_When_the_other_direction_is_imported_Then_it_is_refused_and_the_folder_is_unchanged()
    {
        // Given a folder whose a2b generator converts at half scale (as training with load_size 128 on 256 px textures records)
        var written = _temp.Combine("py");
        ReferencePython.WriteGenerator(written, 4, 1, seed: 3, 32, 32);
        var model = _temp.Combine("half");
        Import(Path.Combine(written, "net_G.pth"), model, TranslationDirection.AToB);
        var description = Path.Combine(model, GeneratorExport.ArchitectureFile);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(description))!;
        node["working_scale"] = 0.5;
        File.WriteAllText(description, node.ToJsonString());
        var before = File.ReadAllText(description);

        // When PyTorch weights, which work at scale 1, are imported beside it
        var refusal = Assert.Throws<PluginException>(() => Import(Path.Combine(written, "net_G.pth"), model, TranslationDirection.BToA));

        // Then the import is refused, and a2b still converts at half scale, alone
        Assert.Contains("already holds a a2b generator that works at scale 0.5", refusal.Message);
        Assert.Contains("import into another folder", refusal.Message);
        Assert.Equal(before, File.ReadAllText(description));
        Assert.Equal(0.5, GeneratorExport.ReadWorkingScale(model));
        Assert.Equal([TranslationDirection.AToB], GeneratorExport.Directions(model));
    }

    [SkippableTheory]
    [InlineData("affine", "key model.2.weight does not fit a ResNet generator with ngf 4 and 1 blocks (a 1-D tensor where no convolution is: an affine instance-norm or batch-norm parameter")]
    [InlineData("batch", "model.2.running_mean with no model.1.bias is batch norm (norm='batch')")]
    public void Given_a_state_dict_of_another_norm_When_imported_Then_the_error_names_the_first_key_that_does_not_fit(string variant, string message)
    {
        var written = _temp.Combine($"py-{variant}");
        ReferencePython.WriteGenerator(written, 4, 1, seed: 3, 32, 32, variant);

        var refusal = Assert.Throws<PluginException>(() => Import(Path.Combine(written, "net_G.pth"), _temp.Combine("model")));

        Assert.Contains(message, refusal.Message);
        Assert.False(File.Exists(Path.Combine(_temp.Combine("model"), GeneratorExport.ArchitectureFile)));
    }

    [Fact]
    public void Given_a_file_that_is_no_state_dict_When_imported_Then_the_error_names_it_and_the_legacy_format_remedy()
    {
        var file = _temp.Combine("latest_net_G.pth");
        File.WriteAllBytes(file, [0x80, 0x02, 0x8a, 0x0a, 1, 2, 3]);

        var refusal = Assert.Throws<PluginException>(() => Import(file, _temp.Combine("model")));

        Assert.StartsWith($"{file} is not a PyTorch state dict this reader understands", refusal.Message);
        Assert.Contains("torch.save(torch.load('IN.pth', map_location='cpu'), 'OUT.pth')", refusal.Message);
    }

    public void Dispose()
    {
        _context.Dispose();
        _temp.Dispose();
    }
}
