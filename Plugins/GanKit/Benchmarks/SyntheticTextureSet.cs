namespace StyleForge.Plugins.GanKit.Benchmarks;

/// <summary>
/// Random-noise RGB textures made in memory, so the training benchmark needs no files. Timing does not depend on
/// what the pixels show, only on their size.
/// </summary>
internal sealed class SyntheticTextureSet : ITextureSet
{
    private readonly int _side;
    private readonly int _seed;

    public SyntheticTextureSet(int count, int side, int seed)
    {
        Count = count;
        _side = side;
        _seed = seed;
    }

    public int Count { get; }

    public string GetRelativePath(int index) => $"synthetic/{index:D3}.png";

    public TextureBuffer Load(int index)
    {
        var random = new Random(_seed + index);
        var pixels = new float[_side * _side * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = random.NextSingle();
        }
        return new TextureBuffer(_side, _side, 3, pixels);
    }
}
