using System.Diagnostics;
using StyleForge.Plugins.GanKit.Inference;
using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Benchmarks;

/// <summary>
/// Measures tiled inference with a randomly initialised generator of the requested size (the default model size
/// unless --ngf/--blocks say otherwise): <c>tiling</c> compares tiled with whole-image output and measures seams;
/// <c>tiling-memory</c> converts one large texture and reports the process's peak resident memory, so it should
/// run in a process of its own.
/// </summary>
internal static class TilingBenchmark
{
    /// <summary>Runs <c>bench tiling</c>: --size (512), --tile (128), --ngf, --blocks.</summary>
    public static object Accuracy(BenchmarkArguments arguments, IPluginContext context)
    {
        var size = arguments.Integer("size", 512, minimum: 64);
        var tile = arguments.Integer("tile", 128, minimum: TilingChoice.MinimumTile);
        using var generator = RandomGenerator(arguments, context.Seed);
        var inference = new TiledInference(generator, CPU);
        var progress = 0;
        TextureBuffer Translate(TextureBuffer texture, StylizeSettings settings)
        {
            context.Progress.Report(new PluginProgress("bench tiling", progress++, 4, new Dictionary<string, double>()));
            return inference.Translate(texture, settings, context.Cancellation);
        }

        var scene = PatternTextures.Scene(size, size);
        var whole = Translate(scene, new StylizeSettings(TileSize: size));
        var tiled = Translate(scene, new StylizeSettings(TileSize: tile));
        var tileable = PatternTextures.Tileable(size, size);
        var seamless = Translate(tileable, new StylizeSettings(Seamless: true));
        var seamlessTiled = Translate(tileable, new StylizeSettings(Seamless: true, TileSize: tile));
        var inputSeam = SeamError.Measure(tileable);
        return new
        {
            Benchmark = "tiling",
            Size = size,
            generator.Architecture.Ngf,
            generator.Architecture.Blocks,
            Tile = tile,
            Overlap = TilingChoice.From(new StylizeSettings(TileSize: tile)).Overlap,
            TiledVsWholeMae255 = Math.Round(PatternTextures.MeanAbsoluteError(whole, tiled) * 255, 3),
            InputSeamError = Math.Round(inputSeam, 4),
            SeamlessSeamError = Math.Round(SeamError.Measure(seamless), 4),
            SeamlessSeamRatio = Math.Round(SeamError.Measure(seamless) / inputSeam, 4),
            SeamlessTiledSeamError = Math.Round(SeamError.Measure(seamlessTiled), 4),
            SeamlessTiledSeamRatio = Math.Round(SeamError.Measure(seamlessTiled) / inputSeam, 4),
        };
    }

    /// <summary>Runs <c>bench tiling-memory</c>: --size (4096), --tile (0 = default), --ngf, --blocks.</summary>
    public static object Memory(BenchmarkArguments arguments, IPluginContext context)
    {
        var size = arguments.Integer("size", 4096, minimum: 64);
        var tile = arguments.Integer("tile", 0, minimum: 0);
        using var generator = RandomGenerator(arguments, context.Seed);
        var before = PeakMemory.HighWaterMarkMebibytes();
        // RGBA as the host would hold it decoded, plus the RGB copy the stylizer receives.
        var rgba = new TextureBuffer(size, size, 4);
        var texture = PatternTextures.Scene(size, size);
        var clock = Stopwatch.StartNew();
        var output = new TiledInference(generator, CPU).Translate(texture, new StylizeSettings(TileSize: tile), context.Cancellation);
        clock.Stop();
        GC.KeepAlive(rgba);
        var peak = PeakMemory.HighWaterMarkMebibytes();
        return new
        {
            Benchmark = "tiling-memory",
            Size = size,
            generator.Architecture.Ngf,
            generator.Architecture.Blocks,
            Tile = TilingChoice.From(new StylizeSettings(TileSize: tile)).Tile,
            Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            MegapixelsPerSecond = Math.Round(size * (double)size / 1e6 / clock.Elapsed.TotalSeconds, 4),
            PeakRssMib = peak is null ? (double?)null : Math.Round(peak.Value, 1),
            PeakRssBeforeMib = before is null ? (double?)null : Math.Round(before.Value, 1),
            OutputMean = Math.Round(output.Pixels.Average(), 4),
        };
    }

    private static ResnetGenerator RandomGenerator(BenchmarkArguments arguments, int seed)
    {
        var generator = new ResnetGenerator(new GeneratorArchitecture(arguments.Integer("ngf", 64), arguments.Integer("blocks", 9)));
        using var random = new Generator((ulong)seed);
        ReferenceInitialization.Apply(generator, random);
        return generator;
    }
}
