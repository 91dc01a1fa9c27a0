namespace StyleForge.Plugins;

/// <summary>The value type of a <see cref="PluginOption"/>.</summary>
public enum PluginOptionType
{
    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A real number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>One of <see cref="PluginOption.Choices"/>.</summary>
    Choice,
}
