using StyleForge.Engine.Conversion;
using StyleForge.Engine.Textures;
using StyleForge.Plugins;

namespace StyleForge.Host.Requests;

/// <summary>
/// The one place a <see cref="ConversionRequest"/> is assembled, for the convert verb and the convert step alike: each
/// front end turns its own words (flags, YAML keys) into these values, and this checks them and builds the request,
/// so the two cannot drift apart. <see cref="Build"/> throws <see cref="ArgumentException"/> with a message for people.
/// </summary>
internal sealed class ConversionRequestBuilder
{
    public required string Input { get; init; }

    public required string Output { get; init; }

    public TranslationDirection Direction { get; init; } = TranslationDirection.AToB;

    /// <summary>Globs of paths to convert; all textures when empty.</summary>
    public IReadOnlyList<string> Include { get; init; } = Array.Empty<string>();

    /// <summary>Globs of paths to leave out.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

    public MapTypeRules MapTypes { get; init; } = MapTypeRules.Default;

    public bool Seamless { get; init; }

    /// <summary>Largest tile side handed to the plugin; 0 lets the plugin choose.</summary>
    public long TileSize { get; init; }

    public bool Force { get; init; }

    public bool DryRun { get; init; }

    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    public long MaxPixels { get; init; } = TextureCodec.DefaultMaxPixels;

    public OutputFormat OutputFormat { get; init; } = OutputFormat.Keep;

    public MipPolicy Mips { get; init; } = MipPolicy.Keep;

    /// <summary>
    /// The map-type rules a list of suffixes asks for, in both front ends' words: no suffixes is the default table,
    /// <paramref name="none"/> (--no-skip, or the single suffix 'none' in a pipeline) stylizes every texture.
    /// </summary>
    public static MapTypeRules MapTypesFrom(IReadOnlyList<string> suffixes, bool none) =>
        none ? MapTypeRules.None : suffixes.Count == 0 ? MapTypeRules.Default : MapTypeRules.Parse(suffixes);

    public ConversionRequest Build()
    {
        if (MaxPixels < 1)
        {
            throw new ArgumentException($"max pixels must be positive, got {MaxPixels}");
        }
        if (TileSize < 0 || TileSize > int.MaxValue)
        {
            throw new ArgumentException($"tile must be 0 (plugin default) or a positive size, got {TileSize}");
        }
        return new ConversionRequest(Path.GetFullPath(Input), Path.GetFullPath(Output), Direction)
        {
            Selection = new FileSelection(Include, Exclude),
            MapTypes = MapTypes,
            Seamless = Seamless,
            TileSize = (int)TileSize,
            Force = Force,
            DryRun = DryRun,
            Shard = Shard,
            MaxPixels = MaxPixels,
            Output = OutputFormat,
            Mips = Mips,
        };
    }
}
