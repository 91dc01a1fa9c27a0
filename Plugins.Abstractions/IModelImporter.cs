namespace StyleForge.Plugins;

/// <summary>Optional (API 1.1): a plugin that builds one of its models from weights another program wrote.</summary>
public interface IModelImporter
{
    /// <summary>The formats this plugin reads, each with the name used by <c>styleforge import</c>, for example "pytorch".</summary>
    IReadOnlyList<string> ImportFormats { get; }

    /// <summary>
    /// Reads <see cref="ModelImportRequest.Source"/> and writes a model folder. Throws <see cref="PluginException"/> naming
    /// the file and the first part of it that does not fit when the weights cannot be mapped.
    /// </summary>
    /// <param name="request">The file, its format and direction, and the folder to write.</param>
    /// <param name="context">Where to log and report, and how to cancel.</param>
    ModelImportResult Import(ModelImportRequest request, IPluginContext context);
}
