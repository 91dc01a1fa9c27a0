using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit.Benchmarks;
using StyleForge.Plugins.GanKit.Runtime;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.Plugins.CycleGan.Benchmarks;

/// <summary>
/// Times full CycleGAN training iterations with the plugin's own training step (<see cref="TrainingIteration"/>:
/// both generators, both discriminators, identity, pool, both Adam steps) and relates the rate to the
/// machine's convolution ceiling. bench/reference_cyclegan.py measures the same iteration in PyTorch.
/// </summary>
internal static class TrainingBenchmark
{
    /// <summary>Runs <c>bench train</c>: --size, --ngf, --ndf, --blocks, --iters, --warmup, --threads.</summary>
    public static object Run(BenchmarkArguments arguments, IPluginContext context)
    {
        var size = arguments.Integer("size", 128, minimum: 32);
        if (size % 4 != 0)
        {
            throw new PluginException($"bench train: --size must be a multiple of 4 (the generator downsamples twice), got {size}. Example: --size 128");
        }
        var iterations = arguments.Integer("iters", 5);
        var warmup = arguments.Integer("warmup", 2, minimum: 0);
        var threads = arguments.Integer("threads", 0, minimum: 0);
        var (streams, intraOpThreads) = TrainingIteration.PlanThreads(CPU, threads);
        using var threadScope = IntraOpThreads.Use(intraOpThreads);
        var overrides = new Dictionary<string, string>
        {
            ["ngf"] = arguments.Integer("ngf", 64).ToString(),
            ["ndf"] = arguments.Integer("ndf", 64).ToString(),
            ["blocks"] = arguments.Integer("blocks", 9).ToString(),
            ["crop_size"] = size.ToString(),
            ["load_size"] = size.ToString(),
            ["device"] = "cpu",
        };
        var options = new OptionValues(CycleGanOptions.Declared.ToDictionary(o => o.Name, o => overrides.GetValueOrDefault(o.Name, o.Default)));
        var settings = TrainingSettings.From(options);

        using var networks = new CycleGanNetworks(settings, CPU, context.Seed);
        using var poolA = new ImagePool(settings.PoolSize);
        using var poolB = new ImagePool(settings.PoolSize);
        using var domainA = DomainImages.Load(new SyntheticTextureSet(4, size, 1), "A", size, CPU, context.Log, context.Cancellation);
        using var domainB = DomainImages.Load(new SyntheticTextureSet(4, size, 101), "B", size, CPU, context.Log, context.Cancellation);
        var step = new TrainingIteration(networks, poolA, poolB, settings, streams);
        var random = new TrainingRandom((ulong)context.Seed + 1);
        // With every thread the iteration used: two single-threaded streams are held to a two-thread ceiling.
        var (milliseconds, ceilings) = IterationTimer.Run(() => step.Run(domainA, domainB, settings.LearningRate, progress: 0, random, renderSample: false),
            warmup, iterations, streams * intraOpThreads, context);
        var medianMs = ConvolutionCeiling.Median(milliseconds);
        var flops = TrainingFlops.Iteration(size, settings.Ngf, settings.Ndf, settings.Blocks, settings.DiscriminatorLayers);
        var achieved = flops / (medianMs / 1000) / 1e9;
        var ceiling = ConvolutionCeiling.Median(ceilings);
        return new
        {
            Benchmark = "train",
            Implementation = "styleforge",
            Threads = streams * intraOpThreads,
            Streams = streams,
            IntraOpThreads = intraOpThreads,
            OpenmpWaits = OpenMpWaitPolicy.Apply(),
            Size = size,
            settings.Ngf,
            settings.Ndf,
            settings.Blocks,
            Iterations = iterations,
            MedianMs = Math.Round(medianMs, 2),
            IterationMs = milliseconds.Select(ms => Math.Round(ms, 2)).ToArray(),
            FlopsPerIteration = flops,
            AchievedGflops = Math.Round(achieved, 2),
            CeilingGflops = Math.Round(ceiling, 2),
            CeilingSamplesGflops = ceilings.Select(g => Math.Round(g, 2)).ToArray(),
            Efficiency = Math.Round(achieved / ceiling, 3),
        };
    }
}
