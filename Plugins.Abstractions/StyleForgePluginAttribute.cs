namespace StyleForge.Plugins;

/// <summary>
/// Names the plugin's entry type. Put it on the plugin assembly; the host creates one instance of
/// the type through its public parameterless constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class StyleForgePluginAttribute : Attribute
{
    /// <summary>Declares <paramref name="pluginType"/> as a plugin entry type.</summary>
    /// <param name="pluginType">A type implementing <see cref="IStylizerPlugin"/>.</param>
    public StyleForgePluginAttribute(Type pluginType) => PluginType = pluginType;

    /// <summary>The type implementing <see cref="IStylizerPlugin"/>.</summary>
    public Type PluginType { get; }
}
