namespace StyleForge.Viewer;

/// <summary>A contact sheet read back from the GPU: 8-bit RGBA, row-major, no row padding, opaque.</summary>
public sealed record RenderedSheet(int Width, int Height, byte[] Rgba)
{
    /// <summary>
    /// The Vulkan format each image was uploaded in, in sheet order (before, then after), for example
    /// "VK_FORMAT_BC7_SRGB_BLOCK" when blocks went up as stored or "VK_FORMAT_R8G8B8A8_UNORM" for decoded pixels.
    /// </summary>
    public IReadOnlyList<string> TextureFormats { get; init; } = [];
}
