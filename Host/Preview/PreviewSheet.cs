using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;
using StyleForge.Plugins;
using StyleForge.Viewer;

namespace StyleForge.Host.Preview;

/// <summary>Renders a contact sheet through the Vulkan viewer offscreen and writes it as PNG.</summary>
internal static class PreviewSheet
{
    public static RenderedSheet Write(IReadOnlyList<ViewerPair> pairs, ViewMode mode, int cellSize, string outputPath, int mipLevel = 0)
    {
        var sheet = HeadlessRenderer.RenderSheet(pairs, mode, cellSize, mipLevel);
        var pixels = new float[sheet.Rgba.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = sheet.Rgba[i] / 255f;
        }
        var buffer = new TextureBuffer(sheet.Width, sheet.Height, 4, pixels);
        AtomicFile.Write(outputPath, stream => TextureCodec.SavePng(buffer, stream));
        return sheet;
    }
}
