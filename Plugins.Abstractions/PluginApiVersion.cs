namespace StyleForge.Plugins;

/// <summary>A contract version, major.minor.</summary>
/// <param name="Major">Breaking-change counter.</param>
/// <param name="Minor">Additive-change counter.</param>
public readonly record struct PluginApiVersion(int Major, int Minor)
{
    /// <summary>Formats the version as major.minor.</summary>
    public override string ToString() => $"{Major}.{Minor}";
}
