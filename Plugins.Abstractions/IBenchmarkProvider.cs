namespace StyleForge.Plugins;

/// <summary>Optional: a plugin that offers benchmarks to <c>styleforge bench</c>.</summary>
public interface IBenchmarkProvider
{
    /// <summary>The benchmark names this plugin runs, for example "train".</summary>
    IReadOnlyList<string> Benchmarks { get; }

    /// <summary>Runs one benchmark and returns its result as a JSON object.</summary>
    /// <param name="name">One of <see cref="Benchmarks"/>.</param>
    /// <param name="arguments">Benchmark arguments by name, as given on the command line.</param>
    /// <param name="context">Where to log and report, and how to cancel.</param>
    string Run(string name, IReadOnlyDictionary<string, string> arguments, IPluginContext context);
}
