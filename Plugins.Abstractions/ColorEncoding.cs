namespace StyleForge.Plugins;

/// <summary>How the colour values of a <see cref="TextureBuffer"/> are encoded.</summary>
public enum ColorEncoding
{
    /// <summary>sRGB-encoded values, as stored in most colour textures.</summary>
    Srgb,

    /// <summary>Linear values.</summary>
    Linear,
}
