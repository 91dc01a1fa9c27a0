namespace StyleForge.Plugins;

/// <summary>Optional (API 1.1): a plugin that writes its trained models in a format other programs run, such as a game engine's.</summary>
public interface IModelExporter
{
    /// <summary>The formats this plugin writes.</summary>
    IReadOnlyList<ModelFormat> ExportFormats { get; }

    /// <summary>The directions the model in <paramref name="modelDirectory"/> holds (a one-sided model has only A to B).</summary>
    /// <param name="modelDirectory">The folder the plugin trained or imported the model into.</param>
    IReadOnlyList<TranslationDirection> ExportableDirections(string modelDirectory);

    /// <summary>Writes one direction of a model. Throws <see cref="PluginException"/> naming the file when the model cannot be read or written.</summary>
    /// <param name="request">The model, direction, format and output file; the host has checked them against this interface.</param>
    /// <param name="context">Where to log and report, and how to cancel.</param>
    void Export(ModelExportRequest request, IPluginContext context);
}
