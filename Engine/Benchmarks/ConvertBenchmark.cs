using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Options;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;
using StyleForge.Engine.Training;
using StyleForge.Plugins;

namespace StyleForge.Engine.Benchmarks;

/// <summary>What <c>styleforge bench convert</c> measures, and with which model.</summary>
/// <param name="ModelPath">A trained model to use, or null to initialise one for the benchmark.</param>
/// <param name="PluginName">The plugin to initialise a model with when <paramref name="ModelPath"/> is null.</param>
/// <param name="Sizes">Square texture sides to measure, for example 1024 and 4096.</param>
/// <param name="Files">Textures per size: more than one lets decode and encode overlap inference, as in a real tree.</param>
/// <param name="TileSize">Tile side handed to the plugin; 0 is the plugin's default.</param>
/// <param name="Options">Plugin options as --set inputs (training and inference).</param>
public sealed record ConvertBenchmarkRequest(string? ModelPath, string PluginName, IReadOnlyList<int> Sizes, int Files, int TileSize, IReadOnlyList<OptionInput> Options);

/// <summary>
/// Measures the convert pipeline end to end against the network alone on the same textures and
/// tiles: their ratio is what decoding, alpha fill, encoding, writing and tiling cost on top of
/// inference. Peak RSS is read per size.
/// </summary>
public static class ConvertBenchmark
{
    /// <summary>
    /// Options for a model initialised just for the benchmark, applied only where the plugin declares
    /// them: one short training iteration on small crops. The generator keeps its default size,
    /// which is what inference speed depends on.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> QuickTraining = new Dictionary<string, string>
    {
        ["iterations"] = "1",
        ["load_size"] = "64",
        ["crop_size"] = "64",
    };

    public static string Run(PluginCatalog catalog, ConvertBenchmarkRequest request, IStageReporter reporter, CancellationToken cancellation)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"styleforge-bench-convert-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        try
        {
            // A plugin that needs no model (one that runs an exported file, say) is measured before the --model beside it, in
            // the same run on the same textures: first, so its peak RSS is not the other runtime's leftovers.
            var named = catalog.Find(request.PluginName);
            var runs = new List<object>();
            if (named is { IsTrainable: false })
            {
                runs.Add(MeasurePlugin(ConversionModel.WithoutModel(catalog, named.Name), "no model", request, scratch, reporter, cancellation));
                if (request.ModelPath is null)
                {
                    return JsonSerializer.Serialize(runs[0], JsonOptions.Indented);
                }
            }
            var (modelPath, trained) = request.ModelPath is null
                ? (InitialiseModel(catalog, request, scratch, reporter, cancellation), true)
                : (request.ModelPath, false);
            var model = ConversionModel.Locate(catalog, modelPath, expectedPlugin: null, Path.Combine(scratch, "out"));
            runs.Add(MeasurePlugin(model, trained ? "initialised for the benchmark (one training iteration, default model size)" : model.Directory!,
                request, scratch, reporter, cancellation));
            return JsonSerializer.Serialize(runs.Count == 1 ? runs[0] : new { benchmark = "convert", side_by_side = runs }, JsonOptions.Indented);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static object MeasurePlugin(ConversionModel model, string description, ConvertBenchmarkRequest request, string scratch, IStageReporter reporter,
        CancellationToken cancellation)
    {
        var errors = new List<InputError>();
        var options = PluginOptionBinder.Bind(model.Plugin.Descriptor,
            request.Options.Where(o => model.Plugin.Descriptor.Options.Any(d => d.Name == o.Name)), errors);
        if (errors.Count > 0)
        {
            throw new ConversionSetupException(string.Join("; ", errors.Select(e => e.ToString())));
        }
        var context = new HostPluginContext(reporter, null, Path.Combine(scratch, "work"), new Progress<PluginProgress>(), cancellation, 0, "auto");
        using var stylizer = model.Open(TranslationDirection.AToB, options, context);
        var settings = new StylizeSettings(false, request.TileSize, 0);
        // Warm-up: the first call pays for the runtime's lazy initialisation, which is not throughput.
        stylizer.Stylize(new TextureBuffer(64, 64, 3), settings, cancellation);
        var results = request.Sizes.Select(size => Measure(size, request, model, options, stylizer, scratch, reporter, cancellation)).ToList();
        return new
        {
            benchmark = "convert",
            plugin = model.Plugin.Name,
            plugin_version = model.Plugin.Descriptor.Version,
            model = description,
            options = options.All,
            tile = request.TileSize,
            processor_count = Environment.ProcessorCount,
            results,
        };
    }

    private static string InitialiseModel(PluginCatalog catalog, ConvertBenchmarkRequest request, string scratch, IStageReporter reporter, CancellationToken cancellation)
    {
        var plugin = catalog.Find(request.PluginName)
            ?? throw new ConversionSetupException($"unknown plugin '{request.PluginName}'; run 'styleforge plugins'");
        var inputs = QuickTraining.Where(q => plugin.Descriptor.Options.Any(o => o.Name == q.Key) && request.Options.All(o => o.Name != q.Key))
            .Select(q => new OptionInput(q.Key, q.Value, SourceLocation.CommandLine("bench default")))
            .Concat(request.Options)
            .ToList();
        var errors = new List<InputError>();
        var options = PluginOptionBinder.Bind(plugin.Descriptor, inputs, errors);
        if (errors.Count > 0)
        {
            throw new ConversionSetupException(string.Join("; ", errors.Select(e => e.ToString())));
        }
        for (var i = 0; i < 4; i++)
        {
            BenchmarkTextures.WritePng(Path.Combine(scratch, "train", "a", $"a{i}.png"), 96, i);
            BenchmarkTextures.WritePng(Path.Combine(scratch, "train", "b", $"b{i}.png"), 96, 100 + i);
        }
        reporter.Info($"bench convert: initialising a {plugin.Name} model (no --model given)");
        var result = TrainingLauncher.Train(
            new TrainingLaunch(plugin, Path.Combine(scratch, "train", "a"), Path.Combine(scratch, "train", "b"), Path.Combine(scratch, "model"), Resume: false, options),
            new StageEnvironment(reporter, Log: null, Seed: 0, Device: "auto", cancellation));
        return result.ModelDirectory;
    }

    private static object Measure(int size, ConvertBenchmarkRequest request, ConversionModel model, OptionValues options, IStylizer stylizer,
        string scratch, IStageReporter reporter, CancellationToken cancellation)
    {
        var input = Path.Combine(scratch, $"in-{size}");
        for (var i = 0; i < request.Files; i++)
        {
            BenchmarkTextures.WritePng(Path.Combine(input, $"bricks{i}.png"), size, i);
        }
        var megapixels = (double)size * size * request.Files / 1e6;
        reporter.Info($"bench convert: {request.Files} x {size}x{size}");

        var reset = PeakMemory.TryReset();
        var conversion = new ConversionRequest(input, Path.Combine(scratch, "out", $"{size}"), TranslationDirection.AToB) { TileSize = request.TileSize, Force = true };
        var plan = ConversionPlanner.Plan(conversion, model.Hash, model.OptionsHash(conversion, options), reporter.Warn);
        var endToEnd = Stopwatch.StartNew();
        var summary = new ConversionRunner(conversion, plan, reporter.Warn).Run(new Lazy<IStylizer>(stylizer), new Progress<PluginProgress>(), cancellation);
        endToEnd.Stop();
        var peak = PeakMemory.HighWaterMarkMebibytes();
        if (summary.Failed.Count > 0)
        {
            throw new ConversionSetupException($"benchmark conversion failed: {summary.Failed[0].Reason}");
        }

        // The network alone on the same inputs the pipeline gave it: decoded, alpha-filled RGB, same tiling.
        var network = TimeSpan.Zero;
        foreach (var file in Directory.EnumerateFiles(input))
        {
            var decoded = TextureCodec.Read(file, File.ReadAllBytes(file), TextureCodec.DefaultMaxPixels);
            var rgb = ChannelLayouts.ToRgb(decoded.Pixels);
            var clock = Stopwatch.StartNew();
            stylizer.Stylize(rgb, conversion.StylizeSettings, cancellation);
            network += clock.Elapsed;
        }
        Directory.Delete(input, recursive: true);
        Directory.Delete(conversion.OutputRoot, recursive: true);

        var endToEndRate = megapixels / endToEnd.Elapsed.TotalSeconds;
        var networkRate = megapixels / network.TotalSeconds;
        // Also on stderr as each size finishes: a 4096 run takes long, and an interrupted one should still leave its 1024 figures.
        reporter.Info(string.Create(CultureInfo.InvariantCulture,
            $"bench convert {size}: end to end {endToEndRate:0.000} MP/s, network {networkRate:0.000} MP/s, ratio {endToEndRate / networkRate:0.000}, peak RSS {peak:0} MiB"));
        return new
        {
            size,
            files = request.Files,
            megapixels,
            end_to_end_seconds = endToEnd.Elapsed.TotalSeconds,
            end_to_end_megapixels_per_second = endToEndRate,
            network_seconds = network.TotalSeconds,
            network_megapixels_per_second = networkRate,
            ratio = endToEndRate / networkRate,
            peak_rss_mib = peak,
            peak_rss_scope = reset ? "this size" : "whole process",
        };
    }
}
