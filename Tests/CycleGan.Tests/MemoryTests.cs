using TorchSharp;

namespace StyleForge.CycleGan.Tests;

/// <summary>Training must not leak tensors: pools and data live outside the per-iteration scopes on purpose.</summary>
public sealed class MemoryTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Live_tensor_count_stays_flat_over_300_iterations()
    {
        // Given a tiny run with a small, quickly full image pool, counting live tensors after every iteration
        var live = new Dictionary<long, long>();
        using var context = new TestContext(_run.Directory,
            onProgress: p => live[p.Current] = DisposeScopeManager.Statistics.ThreadTotalLiveCount);

        // When it trains 300 iterations
        _run.Train(_run.Output(), TinyRun.Options(("iterations", "300"), ("pool_size", "2"), ("threads", "1")), context);

        // Then, once the pools are full and Adam has its state, the count does not grow at all
        Assert.Equal(300, live.Count);
        Assert.Equal(live[20], live[300]);
        Assert.True(live.Where(kv => kv.Key >= 20).All(kv => kv.Value == live[20]),
            $"live tensors after iteration 20..300 ranged {live.Where(kv => kv.Key >= 20).Min(kv => kv.Value)}..{live.Where(kv => kv.Key >= 20).Max(kv => kv.Value)}");
    }
}
