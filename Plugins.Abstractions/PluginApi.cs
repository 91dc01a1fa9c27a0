namespace StyleForge.Plugins;

/// <summary>
/// The version of this contract. A host loads a plugin when the major versions match and the
/// plugin's minor version is not newer than the host's.
/// </summary>
public static class PluginApi
{
    /// <summary>Incremented for breaking changes to the contract.</summary>
    public const int Major = 1;

    /// <summary>Incremented for additive changes to the contract.</summary>
    public const int Minor = 1;

    /// <summary>The contract version this assembly implements, for plugins to put in their descriptor.</summary>
    public static PluginApiVersion Current => new(Major, Minor);
}
