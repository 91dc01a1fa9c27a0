using StyleForge.Plugins;

namespace StyleForge.Tests;

/// <summary>A texture set of procedurally drawn textures, so tests need no image files or decoder.</summary>
internal sealed class GeneratedTextures : ITextureSet
{
    private readonly (int Width, int Height)[] _sizes;
    private readonly int _pattern;

    /// <param name="pattern">Selects the colour scheme, so domains A and B differ.</param>
    /// <param name="sizes">One entry per texture.</param>
    public GeneratedTextures(int pattern, params (int Width, int Height)[] sizes)
    {
        _pattern = pattern;
        _sizes = sizes;
    }

    public int Count => _sizes.Length;

    public string GetRelativePath(int index) => $"texture{index}.png";

    public TextureBuffer Load(int index)
    {
        var (width, height) = _sizes[index];
        var texture = new TextureBuffer(width, height, 3);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var wave = 0.5f + (0.5f * MathF.Sin((x * (index + 1) / 5f) + (y / 3f)));
                texture.Pixels[texture.IndexOf(x, y, 0)] = _pattern == 0 ? wave : 0.1f;
                texture.Pixels[texture.IndexOf(x, y, 1)] = _pattern == 0 ? 0.7f : wave * 0.4f;
                texture.Pixels[texture.IndexOf(x, y, 2)] = _pattern == 0 ? (x % 7) / 7f : 0.3f + (0.6f * wave);
            }
        }
        return texture;
    }
}
