using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>The networks match the reference CycleGAN's parameter counts and output shapes.</summary>
public sealed class ModelShapeTests
{
    [Theory]
    [InlineData(9, 11_378_179)]
    [InlineData(6, 7_837_699)]
    public void Generator_with_reference_settings_has_the_reference_parameter_count(int blocks, long expected)
    {
        // Given the reference generator settings
        using var generator = new ResnetGenerator(new GeneratorArchitecture(64, blocks));

        // When its parameters are counted
        var count = generator.parameters().Sum(p => p.numel());

        // Then the count equals the PyTorch reference's
        Assert.Equal(expected, count);
    }

    [Fact]
    public void Discriminator_with_three_layers_has_the_reference_parameter_count_and_a_30x30_map_at_256px()
    {
        // Given the 70x70 PatchGAN with ndf 64
        using var discriminator = new NLayerDiscriminator(64, 3);
        using var scope = NewDisposeScope();

        // When a 256 px image goes through it
        using var _ = no_grad();
        var map = discriminator.forward(zeros(1, 3, 256, 256));

        // Then it has the reference's parameters and a 30x30 one-channel map
        Assert.Equal(2_764_737, discriminator.parameters().Sum(p => p.numel()));
        Assert.Equal(new long[] { 1, 1, 30, 30 }, map.shape);
    }

    [Fact]
    public void Generator_weights_carry_the_reference_key_names()
    {
        // Given a generator with one block
        using var generator = new ResnetGenerator(new GeneratorArchitecture(4, 1));

        // When its state dictionary keys are listed
        var keys = generator.state_dict().Keys.ToHashSet();

        // Then they are the PyTorch reference's keys (model.1 is the first conv, model.4 the first downsample, model.10 the block; 8 convs with weight and bias)
        Assert.Contains("model.1.weight", keys);
        Assert.Contains("model.4.weight", keys);
        Assert.Contains("model.7.bias", keys);
        Assert.Contains("model.10.conv_block.1.weight", keys);
        Assert.Contains("model.10.conv_block.5.bias", keys);
        Assert.Contains("model.11.weight", keys);
        Assert.Contains("model.18.weight", keys);
        Assert.Contains("model.14.bias", keys);
        Assert.Equal(16, keys.Count);
    }

    [Theory]
    [InlineData(32, 32)]
    [InlineData(36, 20)]
    [InlineData(8, 44)]
    public void Generator_output_has_the_input_size_for_sides_that_are_multiples_of_4(int height, int width)
    {
        // Given a tiny generator
        using var generator = new ResnetGenerator(new GeneratorArchitecture(4, 1));
        using var scope = NewDisposeScope();
        using var _ = no_grad();

        // When an image of that size goes through it
        var output = generator.forward(rand(2, 3, height, width) * 2 - 1);

        // Then the output has the same size and stays within tanh's range
        Assert.Equal(new long[] { 2, 3, height, width }, output.shape);
        var largest = output.abs().max().item<float>();
        Assert.True(largest <= 1f, $"largest magnitude {largest}, nan {output.isnan().any().item<bool>()}");
    }

    [Fact]
    public void Reference_initialization_draws_weights_with_std_0_02_and_zero_biases()
    {
        // Given a generator large enough for a stable estimate
        using var generator = new ResnetGenerator(new GeneratorArchitecture(32, 2));
        using var random = new Generator(7);

        // When it is initialised like the reference
        ReferenceInitialization.Apply(generator, random);

        // Then every weight tensor has std near 0.02 and every bias is zero
        using var scope = NewDisposeScope();
        foreach (var (name, parameter) in generator.named_parameters())
        {
            if (name.EndsWith("bias", StringComparison.Ordinal))
            {
                Assert.Equal(0f, parameter.abs().max().item<float>());
            }
            else
            {
                Assert.InRange(parameter.std().item<float>(), 0.017f, 0.023f);
            }
        }
    }

    [Fact]
    public void Reference_initialization_with_the_same_seed_gives_the_same_weights()
    {
        // Given two generators initialised from generators with the same seed, and one from another seed
        using var first = new ResnetGenerator(new GeneratorArchitecture(4, 1));
        using var second = new ResnetGenerator(new GeneratorArchitecture(4, 1));
        using var third = new ResnetGenerator(new GeneratorArchitecture(4, 1));
        using (var random = new Generator(11)) { ReferenceInitialization.Apply(first, random); }
        using (var random = new Generator(11)) { ReferenceInitialization.Apply(second, random); }
        using (var random = new Generator(12)) { ReferenceInitialization.Apply(third, random); }

        // When their first weights are compared
        using var scope = NewDisposeScope();
        var weights = new[] { first, second, third }.Select(g => g.parameters().First()).ToArray();

        // Then the same seed gives the same weights and another seed other weights
        Assert.True(weights[0].eq(weights[1]).all().item<bool>());
        Assert.False(weights[0].eq(weights[2]).all().item<bool>());
    }
}
