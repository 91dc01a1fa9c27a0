using System.Text.Json;
using StyleForge.Plugins.GanKit.Benchmarks;
using StyleForge.Plugins.GanKit.Runtime;

namespace StyleForge.Plugins.CycleGan.Benchmarks;

/// <summary>The CycleGAN plugin's benchmarks for <c>styleforge bench NAME</c>; each returns one JSON object (snake_case).</summary>
internal sealed class CycleGanBenchmarks
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>train: one training iteration against the conv ceiling; tiling: tiled vs whole and seams; tiling-memory: peak RSS of one large texture.</summary>
    public IReadOnlyList<string> Names { get; } = ["train", "tiling", "tiling-memory"];

    /// <summary>Runs benchmark <paramref name="name"/> with its command-line arguments.</summary>
    public string Run(string name, IReadOnlyDictionary<string, string> arguments, IPluginContext context)
    {
        OpenMpWaitPolicy.Apply();
        LibTorchResidency.EnsureSingleCopy();
        var parsed = new BenchmarkArguments(name, arguments);
        object result = name switch
        {
            "train" => TrainingBenchmark.Run(parsed, context),
            "tiling" => TilingBenchmark.Accuracy(parsed, context),
            "tiling-memory" => TilingBenchmark.Memory(parsed, context),
            _ => throw new PluginException($"cyclegan has no benchmark '{name}'; it offers {string.Join(", ", Names)}."),
        };
        return JsonSerializer.Serialize(result, Json);
    }
}
