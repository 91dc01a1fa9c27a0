namespace StyleForge.Viewer;

/// <summary>A contact sheet read back from the GPU: 8-bit RGBA, row-major, no row padding, opaque.</summary>
public sealed record RenderedSheet(int Width, int Height, byte[] Rgba);
