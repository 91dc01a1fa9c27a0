using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>The image pool behaves like the reference's and owns its images.</summary>
public sealed class ImagePoolTests
{
    [Fact]
    public void A_full_pool_returns_stored_images_about_half_the_time_and_they_outlive_the_iteration_scope()
    {
        // Given a pool of 2 filled with images of value 0 and 1, each query made in its own iteration scope
        using var pool = new ImagePool(2);
        var random = new TrainingRandom(5);
        for (var v = 0; v < 2; v++)
        {
            using var scope = NewDisposeScope();
            var returned = pool.Query(full(1, 1, 2, 2, (float)v), random);
            Assert.Equal(v, returned.mean().item<float>());
        }

        // When 400 more images with values 2, 3, ... are queried
        var older = 0;
        for (var v = 2; v < 402; v++)
        {
            using var scope = NewDisposeScope();
            var returned = pool.Query(full(1, 1, 2, 2, (float)v), random).mean().item<float>();
            older += returned < v ? 1 : 0;
        }

        // Then about half the answers were older stored images (readable, so not disposed with an earlier scope)
        Assert.Equal(2, pool.Count);
        Assert.InRange(older, 160, 240);
    }

    [Fact]
    public void A_pool_of_size_zero_passes_images_through()
    {
        // Given a disabled pool
        using var pool = new ImagePool(0);
        using var scope = NewDisposeScope();

        // When an image is queried, then the same values come back and nothing is stored
        var image = rand(2, 3, 4, 4);
        Assert.True(pool.Query(image, new TrainingRandom(1)).equal(image).all().item<bool>());
        Assert.Equal(0, pool.Count);
    }
}
