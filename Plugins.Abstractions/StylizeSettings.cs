namespace StyleForge.Plugins;

/// <summary>How a stylizer should treat one texture.</summary>
/// <param name="Seamless">Treat the texture as tileable: wrap around its edges instead of padding them.</param>
/// <param name="TileSize">Largest tile side processed at once; larger textures are split into overlapping tiles. 0 means the plugin's default.</param>
/// <param name="TileOverlap">Pixels shared by neighbouring tiles, blended smoothly. 0 means the plugin's default.</param>
public sealed record StylizeSettings(bool Seamless = false, int TileSize = 0, int TileOverlap = 0);
