using System.Text.Json;
using StyleForge.Plugins;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>The generator's <c>head: affine</c> option: a per-pixel colour gain and offset applied to the input.</summary>
public sealed class AffineHeadTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    /// <summary>A one-block ngf 4 affine generator whose last convolution has zero weights and the given bias (3 gains, 3 offsets).</summary>
    private static ResnetGenerator WithLastBias(params float[] bias)
    {
        var generator = new ResnetGenerator(new GeneratorArchitecture(4, 1, GeneratorUpsampling.Resize, GeneratorHead.Affine));
        var (_, weight) = generator.named_parameters().Last(p => p.name.EndsWith(".weight", StringComparison.Ordinal));
        var (_, last) = generator.named_parameters().Last();
        using (no_grad())
        {
            weight.zero_();
            last.copy_(tensor(bias));
        }
        generator.eval();
        return generator;
    }

    [Fact]
    public void With_zero_coefficients_the_output_is_tanh_of_the_input_so_every_brick_edge_passes_through()
    {
        using var generator = WithLastBias(0, 0, 0, 0, 0, 0);
        using var scope = NewDisposeScope();
        var input = rand(1, 3, 32, 28) * 2 - 1;

        var trainingPass = generator.forward(input);
        Tensor inferencePass;
        using (no_grad())
        {
            inferencePass = generator.forward(input);
        }

        Assert.Equal(new long[] { 1, 3, 32, 28 }, trainingPass.shape);
        Assert.True(trainingPass.allclose(input.tanh(), rtol: 0, atol: 1e-6));
        Assert.True(inferencePass.allclose(input.tanh(), rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Gains_and_offsets_apply_per_channel_in_that_order()
    {
        // Given coefficients that keep red, double green and cancel blue, then offset each channel differently
        using var generator = WithLastBias(0, 1, -1, 0.1f, -0.2f, 0.3f);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var input = rand(1, 3, 16, 16) * 2 - 1;

        var output = generator.forward(input);

        // Then each channel is tanh((1 + g) x + o) of its own input channel
        Assert.True(output[0, 0].allclose((input[0, 0] + 0.1f).tanh(), rtol: 0, atol: 1e-6));
        Assert.True(output[0, 1].allclose((input[0, 1] * 2 - 0.2f).tanh(), rtol: 0, atol: 1e-6));
        Assert.True(output[0, 2].allclose(full_like(input[0, 2], 0.3f).tanh(), rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void A_side_that_is_not_a_multiple_of_4_is_refused_rather_than_paired_with_shifted_coefficients()
    {
        using var generator = WithLastBias(0, 0, 0, 0, 0, 0);
        using var scope = NewDisposeScope();
        using var _ = no_grad();

        var error = Assert.Throws<ArgumentException>(() => generator.forward(zeros(1, 3, 30, 32)));

        Assert.Contains("multiples of 4", error.Message);
    }

    [Fact]
    public void An_affine_generator_differs_from_the_reference_only_in_the_last_convolutions_six_channels()
    {
        using var direct = new ResnetGenerator(new GeneratorArchitecture(4, 1));
        using var affine = new ResnetGenerator(new GeneratorArchitecture(4, 1, Head: GeneratorHead.Affine));

        var directWeights = direct.state_dict();
        var affineWeights = affine.state_dict();

        Assert.Equal(directWeights.Keys.Order(), affineWeights.Keys.Order());
        var different = directWeights.Keys.Where(k => !directWeights[k].shape.SequenceEqual(affineWeights[k].shape)).Order().ToArray();
        Assert.Equal(["model.18.bias", "model.18.weight"], different);
        Assert.Equal(new long[] { 6, 4, 7, 7 }, affineWeights["model.18.weight"].shape);
    }

    [Fact]
    public void A_model_folder_from_before_the_head_existed_loads_as_the_reference_head()
    {
        // Given a direct model whose generator.json is rewritten without the head, as exports before the option wrote it
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyRun.Options(("iterations", "1")), context).ModelDirectory;
        var path = Path.Combine(model, GeneratorExport.ArchitectureFile);
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path))!;
        Assert.True(json.Remove("head"));
        File.WriteAllText(path, JsonSerializer.Serialize(json));

        using var loaded = GeneratorExport.Load(model, TranslationDirection.AToB, CPU);

        Assert.Equal(GeneratorHead.Direct, loaded.Architecture.Head);
    }
}
