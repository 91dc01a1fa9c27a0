using StyleForge.Host.Runs;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;

namespace StyleForge.Host.Conversion;

/// <summary>One conversion from request to summary, shared by the convert verb, the convert step and the benchmark.</summary>
internal static class ConversionJob
{
    /// <summary>Plans, then (unless a dry run) converts and reports. Returns null for a dry run.</summary>
    public static ConversionSummary? Run(ConversionModel model, OptionValues options, ConversionRequest request, HostConsole console,
        RunLog? log, string workDirectory, int seed, string device, bool json, CancellationToken cancellation)
    {
        CheckFolders(request);
        if (request.DryRun)
        {
            ConversionReport.ShowPlan(console, ConversionPlanner.Plan(request, model.Hash, model.OptionsHash(request, options), console.Warn), json);
            return null;
        }
        // Taken before planning: the plan reads the manifest, which another writer would be changing.
        using var writer = OutputLock.Take(request.OutputRoot, request.Shard, console.Warn);
        var plan = ConversionPlanner.Plan(request, model.Hash, model.OptionsHash(request, options), console.Warn);
        plan.Manifest.Plugin = new ManifestPlugin(model.Plugin.Name, model.Plugin.Descriptor.Version, model.Plugin.AssemblyHash);
        var count = plan.ToConvert.Count();
        var shard = request.Shard.IsWhole ? "" : $" (shard {request.Shard})";
        console.Info($"converting {count} of {plan.Textures.Count} textures{shard} from {request.InputRoot} with {model.Plugin.Name} ({model.Describe()})");
        log?.Write("info", $"convert {request.InputRoot} -> {request.OutputRoot}: {count} to convert");
        var summary = ProgressDisplay.Run(console, "convert", progress =>
        {
            Directory.CreateDirectory(workDirectory);
            // The plugin's own per-tile progress is not shown: the bar counts files and megapixels.
            var context = new HostPluginContext(console, log, workDirectory, new Progress<PluginProgress>(), cancellation, seed, device);
            var stylizer = new Lazy<IStylizer>(() => model.Open(request.Direction, options, context));
            var runner = new ConversionRunner(request, plan, console.Warn) { PluginName = model.Plugin.Name, StackTraces = console.Verbose };
            try
            {
                return runner.Run(stylizer, progress, cancellation);
            }
            finally
            {
                if (stylizer.IsValueCreated && !runner.StylizerAbandoned)
                {
                    stylizer.Value.Dispose();
                }
            }
        });
        ConversionReport.ShowSummary(console, summary, request.OutputRoot, json);
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
