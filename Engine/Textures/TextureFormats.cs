using SixLabors.ImageSharp.Formats;

namespace StyleForge.Engine.Textures;

/// <summary>The texture file formats StyleForge reads and writes.</summary>
public enum TextureFileFormat
{
    Png,
    Jpeg,
    Tga,
    Bmp,
    Tiff,
    Webp,
    Dds,
}

/// <summary>The texture file types StyleForge reads and writes, by extension and by decoded content.</summary>
public static class TextureFormats
{
    public static readonly IReadOnlyList<string> Extensions = new[] { ".png", ".jpg", ".jpeg", ".tga", ".bmp", ".tif", ".tiff", ".webp", ".dds" };

    public static bool IsTexture(string path) =>
        Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>
    /// The format of decoded content. The content decides, not the extension, so a JPEG saved as
    /// .png is written back as the JPEG it is.
    /// </summary>
    public static TextureFileFormat? FromImageFormat(IImageFormat format) => format.Name.ToUpperInvariant() switch
    {
        "PNG" => TextureFileFormat.Png,
        "JPEG" => TextureFileFormat.Jpeg,
        "TGA" => TextureFileFormat.Tga,
        "BMP" => TextureFileFormat.Bmp,
        "TIFF" => TextureFileFormat.Tiff,
        "WEBP" => TextureFileFormat.Webp,
        _ => null,
    };
}
