using StyleForge.Engine.Runs;
using StyleForge.Plugins;

namespace StyleForge.Engine.Conversion;

/// <summary>One conversion from request to summary, shared by the convert verb, the convert step and the benchmark.</summary>
public static class ConversionJob
{
    /// <summary>What a run of <paramref name="request"/> would do, without converting or taking the output lock (a dry run).</summary>
    public static ConversionPlan Plan(ConversionModel model, OptionValues options, ConversionRequest request, IStageReporter reporter)
    {
        CheckFolders(request);
        return ConversionPlanner.Plan(request, model.Hash, model.OptionsHash(request, options), reporter.Warn);
    }

    /// <summary>
    /// Plans and converts; plugins work in <paramref name="workDirectory"/>. The front end shows the summary. Throws
    /// <see cref="ConversionSetupException"/> when the conversion cannot start.
    /// </summary>
    public static ConversionSummary Run(ConversionModel model, OptionValues options, ConversionRequest request, string workDirectory,
        StageEnvironment environment)
    {
        CheckFolders(request);
        var reporter = environment.Reporter;
        var log = environment.Log;
        // Taken before planning: the plan reads the manifest, which another writer would be changing.
        using var writer = OutputLock.Take(request.OutputRoot, request.Shard, reporter.Warn);
        var plan = ConversionPlanner.Plan(request, model.Hash, model.OptionsHash(request, options), reporter.Warn);
        plan.Manifest.Plugin = new ManifestPlugin(model.Plugin.Name, model.Plugin.Descriptor.Version, model.Plugin.AssemblyHash);
        var count = plan.ToConvert.Count();
        var shard = request.Shard.IsWhole ? "" : $" (shard {request.Shard})";
        reporter.Info($"converting {count} of {plan.Textures.Count} textures{shard} from {request.InputRoot} with {model.Plugin.Name} ({model.Describe()})");
        log?.Write("info", $"convert {request.InputRoot} -> {request.OutputRoot}: {count} to convert");
        var summary = reporter.WithProgress("convert", progress =>
        {
            Directory.CreateDirectory(workDirectory);
            // The plugin's own per-tile progress is not shown: the bar counts files and megapixels.
            var context = environment.PluginContext(workDirectory, new Progress<PluginProgress>());
            var stylizer = new Lazy<IStylizer>(() => model.Open(request.Direction, options, context));
            var runner = new ConversionRunner(request, plan, reporter.Warn) { PluginName = model.Plugin.Name, StackTraces = reporter.Verbose };
            try
            {
                return runner.Run(stylizer, progress, environment.Cancellation);
            }
            finally
            {
                if (stylizer.IsValueCreated && !runner.StylizerAbandoned)
                {
                    stylizer.Value.Dispose();
                }
            }
        });
        log?.Write(summary.Failed.Count > 0 ? "warn" : "info",
            $"convert: {summary.Converted.Count} converted, {summary.Skipped.Count} skipped, {summary.Unsupported.Count} not converted (unsupported format), {summary.Failed.Count} failed");
        return summary;
    }

    private static void CheckFolders(ConversionRequest request)
    {
        if (!Directory.Exists(request.InputRoot))
        {
            throw new ConversionSetupException($"input folder not found: {request.InputRoot}");
        }
        SourceTreeGuard.Check(request.InputRoot, request.OutputRoot);
    }
}
