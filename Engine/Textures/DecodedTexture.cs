using StyleForge.Plugins;

namespace StyleForge.Engine.Textures;

/// <summary>A decoded texture in its file's own channel layout, with what is needed to write it back the same way.</summary>
/// <param name="Pixels">Values in [0, 1] with <see cref="TextureLayout.Channels"/> channels and the file's bit depth.</param>
/// <param name="Layout">Format, channels, bit depth and encoder settings of the file.</param>
public sealed record DecodedTexture(TextureBuffer Pixels, TextureLayout Layout);
