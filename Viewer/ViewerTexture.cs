namespace StyleForge.Viewer;

/// <summary>How a <see cref="ViewerMipLevel"/> stores its pixels.</summary>
public enum ViewerPixelFormat
{
    /// <summary>8-bit RGBA, row-major, no row padding.</summary>
    Rgba8,

    /// <summary>BC1 (DXT1) blocks, RGB with a 1-bit alpha cut-out, 8 bytes per 4x4 block.</summary>
    Bc1,

    /// <summary>BC2 (DXT3) blocks, 16 bytes per 4x4 block.</summary>
    Bc2,

    /// <summary>BC3 (DXT5) blocks, 16 bytes per 4x4 block.</summary>
    Bc3,

    /// <summary>BC4 blocks, one channel shown as gray, 8 bytes per 4x4 block.</summary>
    Bc4,

    /// <summary>BC5 blocks, red and green (blue 0), 16 bytes per 4x4 block.</summary>
    Bc5,

    /// <summary>BC7 blocks, 16 bytes per 4x4 block.</summary>
    Bc7,
}

/// <summary>One level of a texture file's mip chain, as stored.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Data">The level's bytes in the texture's <see cref="ViewerTexture.Format"/>.</param>
/// <param name="DecodeRgba">Decodes <paramref name="Data"/> to Width * Height 8-bit RGBA pixels; the viewer uploads
/// these when the Vulkan device cannot sample the block format itself.</param>
public sealed record ViewerMipLevel(int Width, int Height, byte[] Data, Func<byte[]> DecodeRgba);

/// <summary>
/// A texture as its file stores it: pixel format, sRGB flag and every mip level. The viewer shows each level on its
/// own and uploads block-compressed levels as they are when the device can sample them.
/// </summary>
/// <param name="Format">How every level stores its pixels.</param>
/// <param name="Srgb">Whether the colours are sRGB-encoded (DXGI _SRGB): sampled through an sRGB view, so filtering
/// averages in linear light.</param>
/// <param name="Description">For people, for example "BC7_UNORM_SRGB"; shown in the window title.</param>
/// <param name="Levels">Level 0 (the full size) first, each half the size of the one before.</param>
public sealed record ViewerTexture(ViewerPixelFormat Format, bool Srgb, string Description, IReadOnlyList<ViewerMipLevel> Levels)
{
    /// <summary>Bytes of one level of <paramref name="format"/> at this size.</summary>
    public static long ByteCount(ViewerPixelFormat format, int width, int height) => format switch
    {
        ViewerPixelFormat.Rgba8 => (long)width * height * 4,
        ViewerPixelFormat.Bc1 or ViewerPixelFormat.Bc4 => (long)Blocks(width) * Blocks(height) * 8,
        _ => (long)Blocks(width) * Blocks(height) * 16,
    };

    private static int Blocks(int pixels) => Math.Max(1, (pixels + 3) / 4);

    internal void Validate(string name, int width, int height)
    {
        if (Levels.Count == 0)
        {
            throw new ArgumentException($"Image '{name}' has a texture with no mip levels.");
        }
        for (var level = 0; level < Levels.Count; level++)
        {
            var (expectedWidth, expectedHeight) = (Math.Max(1, width >> level), Math.Max(1, height >> level));
            var mip = Levels[level];
            if (mip.Width != expectedWidth || mip.Height != expectedHeight)
            {
                throw new ArgumentException(
                    $"Image '{name}' mip level {level} is {mip.Width}x{mip.Height}; a {width}x{height} texture's level {level} is {expectedWidth}x{expectedHeight}.");
            }
            var bytes = ByteCount(Format, mip.Width, mip.Height);
            if (mip.Data.Length != bytes)
            {
                throw new ArgumentException(
                    $"Image '{name}' mip level {level} ({mip.Width}x{mip.Height} {Format}) needs {bytes} bytes, but has {mip.Data.Length}.");
            }
        }
    }
}
