using StyleForge.Plugins;

namespace StyleForge.Engine.Textures;

/// <summary>The textures under a folder, recursively, in a stable order; decoded on demand.</summary>
public sealed class TextureFolder : ITextureSet
{
    private readonly string _root;
    private readonly IReadOnlyList<string> _relativePaths;

    private TextureFolder(string root, IReadOnlyList<string> relativePaths)
    {
        _root = root;
        _relativePaths = relativePaths;
    }

    public string Root => _root;

    public int Count => _relativePaths.Count;

    public static TextureFolder Open(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Texture folder not found: {root}");
        }
        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(TextureFormats.IsTexture)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new TextureFolder(root, paths);
    }

    public string GetRelativePath(int index) => _relativePaths[index];

    public string GetFullPath(int index) => Path.Combine(_root, _relativePaths[index]);

    public TextureBuffer Load(int index) => TextureCodec.Decode(GetFullPath(index));
}
