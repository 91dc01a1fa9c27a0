namespace StyleForge.Host.Textures;

/// <summary>The texture file types StyleForge reads and writes.</summary>
internal static class TextureFormats
{
    public static readonly IReadOnlyList<string> Extensions = new[] { ".png", ".jpg", ".jpeg", ".tga", ".bmp", ".tif", ".tiff", ".webp" };

    public static bool IsTexture(string path) =>
        Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());
}
