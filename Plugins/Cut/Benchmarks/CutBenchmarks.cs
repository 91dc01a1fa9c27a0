using System.Text.Json;
using StyleForge.Plugins.Cut.Training;
using StyleForge.Plugins.GanKit.Benchmarks;
using StyleForge.Plugins.GanKit.Runtime;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.Plugins.Cut.Benchmarks;

/// <summary>The CUT plugin's benchmarks for <c>styleforge bench NAME --plugin cut</c>; each returns one JSON object (snake_case).</summary>
internal static class CutBenchmarks
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>train: CUT or FastCUT training iterations against the machine's convolution ceiling.</summary>
    public static IReadOnlyList<string> Names { get; } = ["train"];

    /// <summary>Runs benchmark <paramref name="name"/> with its command-line arguments.</summary>
    public static string Run(string name, IReadOnlyDictionary<string, string> arguments, IPluginContext context)
    {
        OpenMpWaitPolicy.Apply();
        LibTorchResidency.EnsureSingleCopy();
        var parsed = new BenchmarkArguments(name, arguments);
        object result = name switch
        {
            "train" => Train(parsed, context),
            _ => throw new PluginException($"cut has no benchmark '{name}'; it offers {string.Join(", ", Names)}."),
        };
        return JsonSerializer.Serialize(result, Json);
    }

    /// <summary>
    /// bench train: --mode cut|fastcut, --size, --ngf, --ndf, --blocks, --iters, --warmup, --threads. Times the plugin's
    /// own <see cref="CutIteration"/> on synthetic textures; the layers compared are the default ones that exist at
    /// --blocks (the last block stands in for the fifth when there are fewer than five).
    /// </summary>
    private static object Train(BenchmarkArguments arguments, IPluginContext context)
    {
        var size = arguments.Integer("size", 128, minimum: 32);
        if (size % 4 != 0)
        {
            throw new PluginException($"bench train: --size must be a multiple of 4 (the generator downsamples twice), got {size}. Example: --size 128");
        }
        var mode = arguments.Text("mode", "cut");
        if (mode is not ("cut" or "fastcut"))
        {
            throw new PluginException($"bench train: --mode must be cut or fastcut, got '{mode}'. Example: --mode fastcut");
        }
        var iterations = arguments.Integer("iters", 5);
        var warmup = arguments.Integer("warmup", 2, minimum: 0);
        var threads = arguments.Integer("threads", 0, minimum: 0);
        var threadCount = threads > 0 ? threads : Environment.ProcessorCount;
        using var threadScope = IntraOpThreads.Use(threadCount);
        var blocks = arguments.Integer("blocks", 9);
        var overrides = new Dictionary<string, string>
        {
            ["mode"] = mode,
            ["ngf"] = arguments.Integer("ngf", 64).ToString(),
            ["ndf"] = arguments.Integer("ndf", 64).ToString(),
            ["blocks"] = blocks.ToString(),
            ["nce_layers"] = blocks >= 5 ? "0,4,7,10,14" : $"0,4,7,10,{9 + blocks}".Replace(",10,10", ",10"),
            ["crop_size"] = size.ToString(),
            ["load_size"] = size.ToString(),
            ["device"] = "cpu",
        };
        var options = new OptionValues(CutOptions.Declared.ToDictionary(o => o.Name, o => overrides.GetValueOrDefault(o.Name, o.Default)));
        var settings = CutSettings.From(options);

        using var networks = new CutNetworks(settings, CPU, context.Seed);
        using var domainA = DomainImages.Load(new SyntheticTextureSet(4, size, 1), "A", size, CPU, context.Log, context.Cancellation);
        using var domainB = DomainImages.Load(new SyntheticTextureSet(4, size, 101), "B", size, CPU, context.Log, context.Cancellation);
        var step = new CutIteration(networks, settings);
        var random = new TrainingRandom((ulong)context.Seed + 1);
        var (milliseconds, ceilings) = IterationTimer.Run(() => step.Run(domainA, domainB, settings.LearningRate, random, renderSample: false),
            warmup, iterations, threadCount, context);
        var medianMs = ConvolutionCeiling.Median(milliseconds);
        var flops = IterationFlops(settings, size);
        var achieved = flops / (medianMs / 1000) / 1e9;
        var ceiling = ConvolutionCeiling.Median(ceilings);
        return new
        {
            Benchmark = "train",
            Implementation = "styleforge-" + mode,
            Threads = threadCount,
            Size = size,
            settings.Ngf,
            settings.Ndf,
            settings.Blocks,
            NceLayers = string.Join(",", settings.NceLayers),
            settings.NceIdentity,
            Iterations = iterations,
            MedianMs = Math.Round(medianMs, 2),
            IterationMs = milliseconds.Select(ms => Math.Round(ms, 2)).ToArray(),
            FlopsPerIteration = flops,
            AchievedGflops = Math.Round(achieved, 2),
            CeilingGflops = Math.Round(ceiling, 2),
            Efficiency = Math.Round(achieved / ceiling, 3),
        };
    }

    /// <summary>
    /// FLOPs of one CUT iteration at batch size 1, counted as <see cref="TrainingFlops"/> counts CycleGAN's (convolutions
    /// only, backward twice the forward): the generator on A (and B with nce_idt), three discriminator passes (fake and
    /// real for D, fake for G), and per PatchNCE pair the encoder on the translation (with backward) and on the source
    /// (forward only; its features are keys). The MLP heads on 256 patches are left out, as norms and losses are.
    /// </summary>
    public static long IterationFlops(CutSettings settings, int size)
    {
        var images = settings.NceIdentity ? 2 : 1;
        var generator = TrainingFlops.GeneratorForward(size, size, settings.Ngf, settings.Blocks);
        var discriminator = TrainingFlops.DiscriminatorForward(size, settings.Ndf, settings.DiscriminatorLayers);
        var encoder = TrainingFlops.EncoderForward(size, size, settings.Ngf, settings.NceLayers[^1]);
        return (3 * images * generator) + (3 * 3 * discriminator) + (images * 4 * encoder);
    }
}
