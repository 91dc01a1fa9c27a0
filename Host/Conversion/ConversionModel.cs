using System.Globalization;
using StyleForge.Host.Catalog;
using StyleForge.Host.Training;
using StyleForge.Plugins;

namespace StyleForge.Host.Conversion;

/// <summary>
/// The trained model a conversion uses: the folder found from a run folder, model folder or
/// checkpoint through its styleforge-model.json, the plugin that manifest names, and a fingerprint
/// of the model files for the incremental-run manifest.
/// </summary>
internal sealed record ConversionModel(string Directory, LoadedPlugin Plugin, string Hash)
{
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
                $"no {ModelManifest.FileName} in or above {modelPath}; pass the run, training or model folder that 'styleforge run' or 'styleforge train' wrote");
        var (directory, manifest) = located;
        if (expectedPlugin is not null && !string.Equals(expectedPlugin, manifest.Plugin, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConversionSetupException(
                $"the model in {directory} was trained by plugin '{manifest.Plugin}', but the step names '{expectedPlugin}'; set 'plugin: {manifest.Plugin}' on the step");
        }
        var plugin = catalog.Find(manifest.Plugin)
            ?? throw new ConversionSetupException(
                $"the model in {directory} needs plugin '{manifest.Plugin}', which is not installed; run 'styleforge plugins' to see what is");
        return new ConversionModel(directory, plugin, ContentHash.OfModelDirectory(directory, outputRoot));
    }

    /// <summary>Fingerprint of every setting that changes the pixels of a converted texture (not globs, shards or --force).</summary>
    public string OptionsHash(ConversionRequest request, OptionValues options)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["plugin"] = Plugin.Name,
            ["plugin_version"] = Plugin.Descriptor.Version,
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
        catch (PluginException ex)
        {
            throw new ConversionSetupException($"plugin '{Plugin.Name}' could not open the model in {Directory}: {ex.Message}");
        }
    }
}
