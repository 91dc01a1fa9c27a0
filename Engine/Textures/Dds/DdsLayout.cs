using StyleForge.Engine.Textures.Bcn;

namespace StyleForge.Engine.Textures.Dds;

/// <summary>What a converted DDS texture is written as: the source's pixel format and header kind, and its mip count.</summary>
/// <param name="Format">Pixel format, sRGB flag and header kind.</param>
/// <param name="MipCount">Levels to write; 1 writes the top level only.</param>
/// <param name="Quality">Encoder effort for block formats.</param>
public sealed record DdsLayout(DdsFormat Format, int MipCount, BcQuality Quality = BcQuality.Quality);
