using StyleForge.Plugins;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>The generator's <c>upsample: resize</c> option: resize-then-conv in place of the transposed convolutions.</summary>
public sealed class ResizeUpsamplingTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData(9, 11_378_179)]
    [InlineData(6, 7_837_699)]
    public void A_resize_generator_has_the_reference_parameter_count_because_each_3x3_kernel_replaces_one_of_the_same_size(int blocks, long expected)
    {
        using var generator = new ResnetGenerator(new GeneratorArchitecture(64, blocks, GeneratorUpsampling.Resize));

        Assert.Equal(expected, generator.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void A_resize_generator_keeps_the_reference_keys_with_convolution_shaped_upsampling_weights()
    {
        // Given the two kinds of generator with one block
        using var transpose = new ResnetGenerator(new GeneratorArchitecture(4, 1));
        using var resize = new ResnetGenerator(new GeneratorArchitecture(4, 1, GeneratorUpsampling.Resize));

        // When their saved weights are listed
        var transposeWeights = transpose.state_dict();
        var resizeWeights = resize.state_dict();

        // Then the keys are the same (model.11 and model.14 upsample), and only the upsampling weights are laid out differently:
        // a transposed convolution stores in x out x 3 x 3, a convolution out x in x 3 x 3.
        Assert.Equal(transposeWeights.Keys.Order(), resizeWeights.Keys.Order());
        Assert.Equal(new long[] { 16, 8, 3, 3 }, transposeWeights["model.11.weight"].shape);
        Assert.Equal(new long[] { 8, 16, 3, 3 }, resizeWeights["model.11.weight"].shape);
        Assert.Equal(new long[] { 4, 8, 3, 3 }, resizeWeights["model.14.weight"].shape);
        Assert.Equal(transposeWeights["model.18.weight"].shape, resizeWeights["model.18.weight"].shape);
    }

    [Theory]
    [InlineData(32, 32)]
    [InlineData(36, 20)]
    public void A_resize_generator_returns_the_input_size_in_tanh_range_and_its_border_follows_the_padding_mode(int height, int width)
    {
        using var generator = new ResnetGenerator(new GeneratorArchitecture(4, 1, GeneratorUpsampling.Resize));
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var input = rand(1, 3, height, width) * 2 - 1;

        var reflected = generator.forward(input);
        generator.UsePadding(PaddingMode.Circular);
        var wrapped = generator.forward(input);

        Assert.Equal(new long[] { 1, 3, height, width }, reflected.shape);
        Assert.True(reflected.abs().max().item<float>() <= 1f);
        Assert.False(reflected.allclose(wrapped));
    }

    [Fact]
    public void On_a_flat_input_transposed_convolutions_print_a_2_pixel_grid_and_resize_does_not()
    {
        // Given both generators with the same reference initialisation, and a flat gray input (no content with any period)
        double GridStrength(GeneratorUpsampling upsampling)
        {
            using var generator = new ResnetGenerator(new GeneratorArchitecture(8, 1, upsampling));
            using (var random = new TorchSharp.torch.Generator(5))
            {
                ReferenceInitialization.Apply(generator, random);
            }
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            // The interior, clear of the borders where padding differs.
            var output = generator.forward(full(1, 3, 128, 128, 0.2f))[.., .., 40..88, 40..88];

            // When the means of the four 2x2 pixel phases are compared (the checkerboard measure of the evaluate step)
            var phases = stack(new[]
            {
                output[.., .., TensorIndex.Slice(0, null, 2), TensorIndex.Slice(0, null, 2)].mean(),
                output[.., .., TensorIndex.Slice(0, null, 2), TensorIndex.Slice(1, null, 2)].mean(),
                output[.., .., TensorIndex.Slice(1, null, 2), TensorIndex.Slice(0, null, 2)].mean(),
                output[.., .., TensorIndex.Slice(1, null, 2), TensorIndex.Slice(1, null, 2)].mean(),
            });
            return phases.std(unbiased: false).item<float>();
        }

        var transpose = GridStrength(GeneratorUpsampling.Transpose);
        var resize = GridStrength(GeneratorUpsampling.Resize);

        // Then the transposed convolutions alternate with a 2-pixel period and resize-then-conv does not
        Assert.True(transpose > 1e-4, $"transpose {transpose}");
        Assert.True(resize < transpose / 10, $"resize {resize} vs transpose {transpose}");
    }

    [Fact]
    public void Resize_weights_described_as_transpose_are_refused_naming_the_architecture()
    {
        // Given a resize model whose generator.json was edited to claim transposed convolutions
        using var context = new TestContext(_run.Directory);
        var model = _run.Train(_run.Output(), TinyRun.Options(("iterations", "1"), ("upsample", "resize")), context).ModelDirectory;
        var path = Path.Combine(model, GeneratorExport.ArchitectureFile);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"resize\"", "\"transpose\"", StringComparison.Ordinal));

        var error = Assert.Throws<PluginException>(() => GeneratorExport.Load(model, TranslationDirection.AToB, CPU));

        Assert.Contains("transpose upsampling", error.Message);
    }
}
