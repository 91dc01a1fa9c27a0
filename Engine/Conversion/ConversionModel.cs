using System.Globalization;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Training;
using StyleForge.Plugins;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// What a conversion runs: the plugin, and for a trainable plugin the model folder found from a run
/// folder, model folder or checkpoint through its styleforge-model.json, with a fingerprint of the
/// model files for the incremental-run manifest. A plugin that needs no model has a null folder,
/// which is what it gets in <see cref="StylizerRequest.ModelDirectory"/>.
/// </summary>
public sealed record ConversionModel(string? Directory, LoadedPlugin Plugin, string Hash)
{
    /// <summary>The hash recorded for a conversion without a model folder.</summary>
    private const string NoModelHash = "none";

    /// <summary>A conversion by name, without a model: the plugin must be one that needs none.</summary>
    public static ConversionModel WithoutModel(PluginCatalog catalog, string pluginName)
    {
        var plugin = catalog.Find(pluginName) ?? throw new ConversionSetupException(catalog.WhyMissing(pluginName));
        if (plugin.IsTrainable)
        {
            throw new ConversionSetupException(
                $"plugin '{plugin.Name}' converts with a model it trained; name that model (--model, or 'model:' in a pipeline), or train one with 'styleforge train --plugin {plugin.Name}'");
        }
        return new ConversionModel(null, plugin, NoModelHash);
    }

    /// <summary>Where the conversion's model is, for messages.</summary>
    public string Describe() => Directory ?? "no model";

    /// <summary>Finds the model; <paramref name="expectedPlugin"/> (from a pipeline step) must match the manifest's plugin when given.</summary>
    public static ConversionModel Locate(PluginCatalog catalog, string modelPath, string? expectedPlugin, string outputRoot)
    {
        if (!System.IO.Directory.Exists(modelPath) && !File.Exists(modelPath))
        {
            throw new ConversionSetupException($"model not found: {modelPath}; pass a run folder, training folder or model folder written by 'styleforge run' or 'styleforge train'");
        }
        (string Directory, ModelManifest Manifest)? found;
        try
        {
            found = ModelManifest.Locate(modelPath);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new ConversionSetupException(ex.Message);
        }
        var located = found
            ?? throw new ConversionSetupException(
                $"no {ModelManifest.FileName} in {modelPath} or in its model/ folder; pass the run, training or model folder that 'styleforge run' or 'styleforge train' wrote");
        var (directory, manifest) = located;
        if (expectedPlugin is not null && !string.Equals(expectedPlugin, manifest.Plugin, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConversionSetupException(
                $"the model in {directory} was trained by plugin '{manifest.Plugin}', but '{expectedPlugin}' was named for it; name 'plugin: {manifest.Plugin}' on the step (--plugin {manifest.Plugin} on the command line), or leave the model out if '{expectedPlugin}' needs none");
        }
        var plugin = catalog.Find(manifest.Plugin)
            ?? throw new ConversionSetupException($"the model in {directory} needs plugin '{manifest.Plugin}': {catalog.WhyMissing(manifest.Plugin)}");
        return new ConversionModel(directory, plugin, ContentHash.OfModelDirectory(directory, outputRoot))
        {
            TrainingOptions = manifest.Options ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>The options the model was trained with, as its styleforge-model.json keeps them; empty without a model.</summary>
    public IReadOnlyDictionary<string, string> TrainingOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The options a conversion uses: those given for the conversion (<paramref name="given"/> names them),
    /// else the training's, else the plugin's defaults, which <paramref name="bound"/> already holds.
    /// A training value the plugin no longer accepts (the option was removed, or its range changed in
    /// a newer version) is dropped, so the plugin only ever sees values valid for its declarations.
    /// </summary>
    public OptionValues WithTrainingOptions(OptionValues bound, IEnumerable<string> given)
    {
        var explicitNames = given.ToHashSet(StringComparer.Ordinal);
        var declared = Plugin.Descriptor.Options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var values = bound.All.ToDictionary(StringComparer.Ordinal);
        foreach (var (name, value) in TrainingOptions)
        {
            if (declared.TryGetValue(name, out var option) && !explicitNames.Contains(name)
                && Options.PluginOptionBinder.Normalize(option, value, out var normalized) is null)
            {
                values[name] = normalized;
            }
        }
        return new OptionValues(values);
    }

    /// <summary>Fingerprint of every setting that changes the pixels of a converted texture (not globs, shards or --force).</summary>
    public string OptionsHash(ConversionRequest request, OptionValues options)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["plugin"] = Plugin.Name,
            ["plugin_version"] = Plugin.Descriptor.Version,
            ["plugin_assembly"] = Plugin.AssemblyHash,
            ["direction"] = request.Direction.ToString(),
            ["seamless"] = request.Seamless.ToString(CultureInfo.InvariantCulture),
            ["tile"] = request.TileSize.ToString(CultureInfo.InvariantCulture),
            // Bumped when the host's alpha fill or encoding changes what it writes for the same inputs.
            ["host_writer"] = "1",
        };
        // Only when not the default, so manifests written before these settings existed stay valid.
        if (request.Output != OutputFormat.Keep)
        {
            settings["output_format"] = request.Output.Name;
        }
        if (request.Mips != MipPolicy.Keep)
        {
            settings["mips"] = request.Mips.ToString();
        }
        foreach (var (name, value) in options.All)
        {
            settings["option." + name] = value;
        }
        return ContentHash.OfSettings(settings);
    }

    public IStylizer Open(TranslationDirection direction, OptionValues options, IPluginContext context)
    {
        try
        {
            return Plugin.Instance.OpenStylizer(new StylizerRequest(Directory, direction, options), context);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            var message = ex is PluginException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            throw new ConversionSetupException(Directory is null
                ? $"plugin '{Plugin.Name}' could not start: {message}"
                : $"plugin '{Plugin.Name}' could not open the model in {Directory}: {message}", ex);
        }
    }
}
