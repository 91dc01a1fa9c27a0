using System.Diagnostics;
using StyleForge.Plugins.GanKit.Runtime;

namespace StyleForge.Plugins.GanKit.Benchmarks;

/// <summary>
/// Times training iterations for <c>bench train</c>: a few warm-up iterations, then timed ones, each followed by a
/// sample of the machine's convolution ceiling, so on a shared machine the iteration and the ceiling see the same load.
/// </summary>
internal static class IterationTimer
{
    /// <summary>
    /// Runs <paramref name="step"/> <paramref name="warmup"/> + <paramref name="iterations"/> times; returns the timed
    /// iterations' milliseconds and the ceilings (GFLOP/s) measured with <paramref name="ceilingThreads"/> threads,
    /// every thread the iteration used.
    /// </summary>
    public static (IReadOnlyList<double> Milliseconds, IReadOnlyList<double> Ceilings) Run(Action step, int warmup, int iterations,
        int ceilingThreads, IPluginContext context)
    {
        var milliseconds = new List<double>();
        var ceilings = new List<double>();
        for (var i = 0; i < warmup + iterations; i++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            step();
            clock.Stop();
            if (i >= warmup)
            {
                milliseconds.Add(clock.Elapsed.TotalMilliseconds);
                using (IntraOpThreads.Use(ceilingThreads))
                {
                    ceilings.Add(ConvolutionCeiling.MeasureGigaflops(repeats: 1));
                }
            }
            context.Progress.Report(new PluginProgress("bench train", i + 1, warmup + iterations, new Dictionary<string, double> { ["ms"] = clock.Elapsed.TotalMilliseconds }));
        }
        return (milliseconds, ceilings);
    }
}
