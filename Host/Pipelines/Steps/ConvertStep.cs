using System.Globalization;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Textures;
using StyleForge.Host.Requests;
using StyleForge.Host.Terminal;

namespace StyleForge.Host.Pipelines.Steps;

/// <summary><c>kind: convert</c>: stylizes a texture tree with a trained model, the same engine as <c>styleforge convert</c>.</summary>
internal sealed class ConvertStep : IPipelineStep
{
    public string Kind => "convert";

    public string Description => "Stylize every colour texture under a folder with a trained model, incrementally.";

    public IReadOnlyList<StepKey> Keys { get; } = new[]
    {
        new StepKey("model", StepKeyType.InputPath, "run folder, training folder or model folder of the trained model; absent: the 'out' of the last train step before this one, or none for a plugin that needs no model")
        {
            IsTrainedModel = true,
        },
        new StepKey("input", StepKeyType.InputPath, "folder of textures to convert, searched recursively") { Required = true },
        new StepKey("output", StepKeyType.OutputPath, "folder for the results, mirroring the input's structure") { Required = true },
        new StepKey("direction", StepKeyType.Choice, "a2b or b2a", "a2b") { Choices = DirectionNames.All },
        new StepKey("include", StepKeyType.GlobList, "globs of paths to convert; all textures when absent"),
        new StepKey("exclude", StepKeyType.GlobList, "globs of paths to leave out"),
        new StepKey("skip_suffixes", StepKeyType.SuffixList, "name suffixes of non-colour maps to skip, SUFFIX or SUFFIX=map type; 'none' stylizes everything; absent: the default table"),
        new StepKey("seamless", StepKeyType.Boolean, "treat textures as tileable", "false"),
        new StepKey("force", StepKeyType.Boolean, "convert everything again, ignoring the manifest", "false"),
        new StepKey("dry_run", StepKeyType.Boolean, "only print what would be converted or skipped", "false"),
        new StepKey("shard", StepKeyType.Shard, "I/N: convert only shard I of N, by a hash of each relative path", "1/1"),
        new StepKey("max_pixels", StepKeyType.Integer, "refuse textures claiming more pixels than this", TextureCodec.DefaultMaxPixels.ToString(CultureInfo.InvariantCulture))
        {
            Minimum = 1,
            Maximum = long.MaxValue,
        },
        new StepKey("output_format", StepKeyType.Choice, "keep (each texture in its own format) or a DDS format for all, for example dds-bc7-srgb", "keep") { Choices = OutputFormat.Names },
        new StepKey("mips", StepKeyType.Choice, "mip levels of DDS outputs: keep, none or full", "keep") { Choices = OutputFormat.MipNames },
        new StepKey("tile", StepKeyType.Integer, "largest tile side the plugin processes at once; 0 lets the plugin choose", "0") { Minimum = 0 },
    };

    public StepPluginUse PluginUse => StepPluginUse.Stylizer;

    /// <summary>A model that exists before the run (no earlier step writes it) must be one this step can use: found now, not after training.</summary>
    public IEnumerable<StepProblem> Check(StepInvocation step, StepCheckContext context)
    {
        if (step.GetOptionalPath("model") is not { } modelPath || context.WrittenByEarlierStep(modelPath))
        {
            yield break;
        }
        string? problem = null;
        try
        {
            _ = ConversionModel.Locate(context.Catalog, modelPath, step.PluginName, step.GetPath("output"));
        }
        catch (Exception ex) when (ex is ConversionSetupException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Locate also hashes the model's files, which may be unreadable; at load that is a located error too.
            problem = ex.Message;
        }
        if (problem is not null)
        {
            yield return new StepProblem("model", problem);
        }
    }

    public Task<int> RunAsync(StepInvocation step, PipelineRun run)
    {
        // Every value was checked and typed at load: globs compiled, shard and suffixes parsed.
        ConversionRequest request;
        try
        {
            request = new ConversionRequestBuilder
            {
                Input = step.GetPath("input"),
                Output = step.GetPath("output"),
                Direction = DirectionNames.Parse(step.GetText("direction"))!.Value,
                Include = step.GetTexts("include"),
                Exclude = step.GetTexts("exclude"),
                MapTypes = step.Get<MapTypeRules>("skip_suffixes"),
                Seamless = step.GetBoolean("seamless"),
                Force = step.GetBoolean("force"),
                DryRun = step.GetBoolean("dry_run"),
                Shard = step.Get<ShardSpec>("shard"),
                MaxPixels = step.GetInteger("max_pixels"),
                TileSize = step.GetInteger("tile"),
                OutputFormat = OutputFormat.Parse(step.GetText("output_format")),
                Mips = OutputFormat.ParseMips(step.GetText("mips")),
            }.Build();
        }
        catch (ArgumentException ex)
        {
            throw new StepFailedException($"{step.Where}: {ex.Message}");
        }
        try
        {
            // A trained plugin's model defaults to the last train step's folder; a plugin that needs no model gets none.
            var needsModel = run.Catalog.Find(step.PluginName!) is not { IsTrainable: false };
            var model = (needsModel ? step.GetOptionalPath("model") ?? run.TrainingFolderBefore(step) : null) is { } modelPath
                ? ConversionModel.Locate(run.Catalog, modelPath, step.PluginName, request.OutputRoot)
                : ConversionModel.WithoutModel(run.Catalog, step.PluginName!);
            return Task.FromResult(ConversionReport.RunAndShow(run.Console, model, model.WithTrainingOptions(step.PluginOptions!, step.GivenOptions),
                request, Path.Combine(run.RunDirectory, "work", step.Id), run.Environment, json: false));
        }
        catch (ConversionSetupException ex)
        {
            throw new StepFailedException(ex.Message);
        }
    }
}
