using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Runtime;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>
/// The training step runs each generator and discriminator once on a batch of everything it maps. That equals the
/// reference's separate calls only because every norm layer normalises each sample on its own; these tests pin it.
/// </summary>
public sealed class BatchedPassTests
{
    [Fact]
    public void Generator_on_a_batch_gives_each_image_what_it_gives_that_image_alone()
    {
        // Given a tiny generator and three different images
        using var generator = new ResnetGenerator(new GeneratorArchitecture(4, 1));
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var images = Enumerable.Range(0, 3).Select(i => rand(1, 3, 32, 32, generator: new Generator((ulong)i + 7)) * 2 - 1).ToArray();

        // When they go through together and one at a time
        var together = generator.forward(cat(images));
        var alone = cat(images.Select(generator.forward).ToArray());

        // Then the outputs agree to float rounding
        Assert.True(together.allclose(alone, rtol: 1e-4, atol: 1e-5), $"largest difference {(together - alone).abs().max().item<float>()}");
    }

    [Fact]
    public void Discriminator_on_a_batch_scores_each_image_as_it_scores_that_image_alone()
    {
        // Given a small PatchGAN and a real and a fake image
        using var discriminator = new NLayerDiscriminator(8, 3);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var real = rand(1, 3, 64, 64, generator: new Generator(1)) * 2 - 1;
        var fake = rand(1, 3, 64, 64, generator: new Generator(2)) * 2 - 1;

        // When they are scored together and apart
        var together = discriminator.forward(cat([real, fake]));
        var alone = cat([discriminator.forward(real), discriminator.forward(fake)]);

        // Then the score maps agree
        Assert.True(together.allclose(alone, rtol: 1e-4, atol: 1e-5), $"largest difference {(together - alone).abs().max().item<float>()}");
    }

    [Fact]
    public void Machine_load_reads_a_plausible_core_count_from_proc()
    {
        // When the other processes' load is sampled
        var cores = MachineLoad.OtherProcessesCores(TimeSpan.FromMilliseconds(100));

        // Then on Linux it is a number between none and every core (plus the kernel's tick rounding); elsewhere there is no /proc to read
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(cores);
            return;
        }
        Assert.NotNull(cores);
        Assert.InRange(cores.Value, 0, Environment.ProcessorCount + 0.5);
    }
}
