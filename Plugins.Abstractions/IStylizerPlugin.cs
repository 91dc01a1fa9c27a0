namespace StyleForge.Plugins;

/// <summary>The entry point of a plugin: it describes itself and opens stylizers.</summary>
public interface IStylizerPlugin
{
    /// <summary>Name, version, contract version and options of the plugin.</summary>
    PluginDescriptor Descriptor { get; }

    /// <summary>Opens a stylizer, loading a trained model when the plugin needs one.</summary>
    /// <param name="request">The model and direction to use, and the validated options.</param>
    /// <param name="context">Where to log and report, and how to cancel.</param>
    IStylizer OpenStylizer(StylizerRequest request, IPluginContext context);
}
