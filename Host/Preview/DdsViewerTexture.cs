using StyleForge.Engine.Textures.Bcn;
using StyleForge.Engine.Textures.Dds;
using StyleForge.Viewer;

namespace StyleForge.Host.Preview;

/// <summary>
/// A DDS file as the viewer shows it: every mip level as stored, so block formats can go to the GPU as they are, with
/// our codec's decoder for devices that cannot sample them. Uncompressed layouts (5:6:5, B8G8R8X8, luminance) are
/// decoded to RGBA here; their sRGB flag is kept.
/// </summary>
internal static class DdsViewerTexture
{
    /// <summary>Reads a DDS file's levels; throws <see cref="InvalidDataException"/> naming <paramref name="path"/> as convert does.</summary>
    public static ViewerImage Read(string path, string name, byte[] content, long maxPixels)
    {
        var file = DdsFile.Parse(path, content);
        if ((long)file.Width * file.Height > maxPixels)
        {
            throw new InvalidDataException(
                $"{path}: claims {file.Width}x{file.Height} pixels, more than the limit of {maxPixels}; raise --max-pixels if the texture is genuine");
        }
        var format = file.Format.Block is { } block ? ViewerFormat(block) : ViewerPixelFormat.Rgba8;
        var levels = new List<ViewerMipLevel>();
        long offset = file.DataOffset;
        for (var level = 0; level < file.MipCount; level++)
        {
            var (width, height) = (DdsFile.LevelSize(file.Width, level), DdsFile.LevelSize(file.Height, level));
            var bytes = DdsFile.LevelBytes(file.Format, width, height);
            var stored = content.AsSpan((int)offset, (int)bytes).ToArray();
            offset += bytes;
            if (file.Format.Block is { } blockFormat)
            {
                levels.Add(new ViewerMipLevel(width, height, stored, () => BlockCodec.Decode(blockFormat, stored, width, height)));
            }
            else
            {
                var rgba = MaskedPixels.Decode(file.Format, stored, width, height);
                levels.Add(new ViewerMipLevel(width, height, rgba, () => rgba));
            }
        }
        var top = levels[0].DecodeRgba();
        // Level 0 is decoded once: the image's pixels and the decoded fallback share it.
        levels[0] = levels[0] with { DecodeRgba = () => top };
        var description = file.Format.Name.StartsWith("DDS ", StringComparison.Ordinal) ? file.Format.Name[4..] : file.Format.Name;
        return new ViewerImage(name, file.Width, file.Height, top)
        {
            Texture = new ViewerTexture(format, file.Format.Srgb, description, levels),
        };
    }

    private static ViewerPixelFormat ViewerFormat(BcFormat format) => format switch
    {
        BcFormat.Bc1 => ViewerPixelFormat.Bc1,
        BcFormat.Bc2 => ViewerPixelFormat.Bc2,
        BcFormat.Bc3 => ViewerPixelFormat.Bc3,
        BcFormat.Bc4 => ViewerPixelFormat.Bc4,
        BcFormat.Bc5 => ViewerPixelFormat.Bc5,
        BcFormat.Bc7 => ViewerPixelFormat.Bc7,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a block format"),
    };
}
