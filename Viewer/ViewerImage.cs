namespace StyleForge.Viewer;

/// <summary>A decoded texture: 8-bit RGBA, row-major, no row padding.</summary>
/// <param name="Name">Path relative to the folder being viewed; shown in the window title.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Rgba">Width * Height * 4 bytes.</param>
public sealed record ViewerImage(string Name, int Width, int Height, byte[] Rgba)
{
    /// <summary>
    /// The file's own format and mip chain (DDS), or null: then <see cref="Rgba"/> is uploaded and the viewer builds
    /// mips for filtering only. With a texture, each of its levels can be shown and <see cref="Rgba"/> is level 0 decoded.
    /// </summary>
    public ViewerTexture? Texture { get; init; }

    /// <summary>Levels that can be shown: the texture's, or 1.</summary>
    internal int LevelCount => Texture?.Levels.Count ?? 1;

    /// <summary>The level shown when <paramref name="requested"/> is asked for: the last one when the file has fewer.</summary>
    internal int Level(int requested) => Math.Clamp(requested, 0, LevelCount - 1);

    /// <summary>Size in pixels of the level shown for <paramref name="requested"/>.</summary>
    internal (int Width, int Height) LevelSize(int requested) => (Math.Max(1, Width >> Level(requested)), Math.Max(1, Height >> Level(requested)));

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
        Texture?.Validate(Name, Width, Height);
    }
}
