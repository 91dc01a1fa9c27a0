using StyleForge.Engine.Textures;

namespace StyleForge.Engine.Reporting;

/// <summary>Turns an image file into a data: URI so the report is one file that opens with no server.</summary>
public static class ImageDataUri
{
    public static string FromFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (IsPng(bytes))
        {
            return "data:image/png;base64," + Convert.ToBase64String(bytes);
        }
        // Browsers differ on TGA, TIFF and the like: re-encode everything else as PNG.
        using var png = new MemoryStream();
        TextureCodec.SavePng(TextureCodec.Decode(path), png);
        return "data:image/png;base64," + Convert.ToBase64String(png.ToArray());
    }

    private static bool IsPng(byte[] bytes) =>
        bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';
}
