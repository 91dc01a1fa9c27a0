namespace StyleForge.Plugins;

/// <summary>
/// A folder of textures that the host decodes on demand, so plugins never depend on an image library.
/// </summary>
public interface ITextureSet
{
    /// <summary>Number of textures.</summary>
    int Count { get; }

    /// <summary>The path of texture <paramref name="index"/> relative to the set's root, with '/' separators.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    string GetRelativePath(int index);

    /// <summary>Decodes texture <paramref name="index"/>. Throws <see cref="InvalidDataException"/> naming the file when it cannot be decoded.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    TextureBuffer Load(int index);
}
