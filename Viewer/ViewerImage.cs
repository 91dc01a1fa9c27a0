namespace StyleForge.Viewer;

/// <summary>A decoded texture: 8-bit RGBA, row-major, no row padding.</summary>
/// <param name="Name">Path relative to the folder being viewed; shown in the window title.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Rgba">Width * Height * 4 bytes.</param>
public sealed record ViewerImage(string Name, int Width, int Height, byte[] Rgba)
{
    internal void Validate()
    {
        if (Width <= 0 || Height <= 0)
        {
            throw new ArgumentException($"Image '{Name}' has size {Width}x{Height}; both sides must be positive.");
        }
        if (Rgba.Length != (long)Width * Height * 4)
        {
            throw new ArgumentException(
                $"Image '{Name}' is {Width}x{Height} and needs {(long)Width * Height * 4} RGBA bytes, but has {Rgba.Length}.");
        }
    }
}
