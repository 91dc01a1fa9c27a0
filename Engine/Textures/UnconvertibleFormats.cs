namespace StyleForge.Engine.Textures;

/// <summary>
/// Image and texture formats a game or asset tree holds that StyleForge cannot convert yet. They are
/// not ignored like a .txt: a run lists each one as "not converted: unsupported format", so a tree
/// that stylized its PNGs but left its EXRs says so. Anything else (.txt, .json, .fbx, ...) is not a
/// texture and is passed over without a word.
/// </summary>
public static class UnconvertibleFormats
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        // Floating-point and high dynamic range: the stylizers work on [0, 1] colour.
        [".exr"] = "OpenEXR",
        [".hdr"] = "Radiance HDR",
        [".pfm"] = "portable float map",
        // GPU containers other than DDS (which has its own codec, docs/dds.md); not planned yet.
        [".ktx"] = "KTX",
        [".ktx2"] = "KTX2",
        [".astc"] = "ASTC",
        [".pvr"] = "PowerVR",
        [".basis"] = "Basis Universal",
        [".crn"] = "crunch",
        [".vtf"] = "Valve texture",
        [".blp"] = "Blizzard texture",
        [".pkm"] = "ETC (PKM)",
        // Layered working files: converting one layer would silently drop the rest.
        [".psd"] = "Photoshop",
        [".psb"] = "Photoshop large document",
        [".xcf"] = "GIMP",
        [".kra"] = "Krita",
        [".ora"] = "OpenRaster",
        // A 256-colour palette cannot hold stylized colours without quantising them again.
        [".gif"] = "GIF",
        // Raster formats without a decoder here.
        [".ico"] = "Windows icon",
        [".jp2"] = "JPEG 2000",
        [".j2k"] = "JPEG 2000",
        [".jxl"] = "JPEG XL",
        [".avif"] = "AVIF",
        [".heic"] = "HEIF",
        [".heif"] = "HEIF",
        [".pcx"] = "PCX",
        [".sgi"] = "SGI",
        [".pbm"] = "Netpbm",
        [".pgm"] = "Netpbm",
        [".ppm"] = "Netpbm",
        [".pnm"] = "Netpbm",
    };

    /// <summary>Every extension listed (docs/formats.md has the same list; a test keeps them in step).</summary>
    public static IEnumerable<string> Extensions => Names.Keys;

    /// <summary>
    /// The format's name when <paramref name="path"/> is a texture StyleForge cannot convert, or null.
    /// A convertible extension is never unsupported, so a format that gains a codec only needs adding to <see cref="TextureFormats"/>.
    /// </summary>
    public static string? NameOf(string path)
    {
        if (TextureFormats.IsTexture(path))
        {
            return null;
        }
        return Names.GetValueOrDefault(Path.GetExtension(path));
    }
}
