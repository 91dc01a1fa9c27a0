namespace StyleForge.Plugins;

/// <summary>How a stylizer should treat one texture.</summary>
/// <param name="Seamless">Treat the texture as tileable: wrap around its edges instead of padding them.</param>
/// <param name="TileSize">Largest tile side processed at once; larger textures are split into overlapping tiles. 0 means the plugin's default.</param>
/// <param name="TileOverlap">
/// Pixels shared by neighbouring tiles, blended smoothly. 0 means the plugin's default. The styleforge host always
/// passes 0 (it has no option for it: the overlap a plugin needs follows from its network, which the host does not
/// know); the member stays for hosts that embed plugins and for plugins' own tests, and removing it would break
/// plugins built against contract 1.0.
/// </param>
public sealed record StylizeSettings(bool Seamless = false, int TileSize = 0, int TileOverlap = 0);
