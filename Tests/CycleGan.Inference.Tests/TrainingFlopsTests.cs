using StyleForge.Plugins.CycleGan.Benchmarks;
using StyleForge.Plugins.GanKit.Benchmarks;

namespace StyleForge.CycleGan.Inference.Tests;

public sealed class TrainingFlopsTests
{
    [Fact]
    public void Given_the_64px_bench_config_When_counted_Then_it_matches_the_pytorch_reference_script()
    {
        // bench/reference_cyclegan.py prints flops_per_iteration 22003384320 for --size 64 --ngf 32 --ndf 32 --blocks 6.
        Assert.Equal(22_003_384_320L, TrainingFlops.Iteration(64, 32, 32, 6, 3));
    }

    [Fact]
    public void Given_the_128px_bench_config_When_counted_Then_it_matches_the_pytorch_reference_script()
    {
        Assert.Equal(473_124_962_304L, TrainingFlops.Iteration(128, 64, 64, 9, 3));
    }

    [Fact]
    public void Given_a_256px_discriminator_When_counted_Then_it_matches_the_pytorch_reference_script()
    {
        Assert.Equal(6_293_618_688L, TrainingFlops.DiscriminatorForward(256, 64, 3));
    }

    [Fact]
    public void Given_a_convolution_When_counted_Then_it_is_two_flops_per_multiply_add()
    {
        Assert.Equal(2L * 3 * 64 * 49 * 256 * 256, TrainingFlops.Convolution(3, 64, 7, 256, 256));
    }
}
