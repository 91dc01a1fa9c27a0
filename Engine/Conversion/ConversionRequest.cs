using StyleForge.Plugins;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// Everything that decides which files a conversion touches and how. The front ends assemble it in one place
/// (Host/Requests/ConversionRequestBuilder), so the convert verb and the convert step always ask for the same thing.
/// </summary>
public sealed record ConversionRequest(string InputRoot, string OutputRoot, TranslationDirection Direction)
{
    /// <summary>Which files of the input tree are looked at (include and exclude globs, already parsed).</summary>
    public FileSelection Selection { get; init; } = FileSelection.All;

    public MapTypeRules MapTypes { get; init; } = MapTypeRules.Default;

    public bool Seamless { get; init; }

    /// <summary>Largest tile side handed to the plugin; 0 lets the plugin choose.</summary>
    public int TileSize { get; init; }

    public bool Force { get; init; }

    public bool DryRun { get; init; }

    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    public long MaxPixels { get; init; } = Textures.TextureCodec.DefaultMaxPixels;

    /// <summary>The format outputs are written in; <see cref="OutputFormat.Keep"/> writes each in its source's format.</summary>
    public OutputFormat Output { get; init; } = OutputFormat.Keep;

    /// <summary>Mip levels of DDS outputs.</summary>
    public MipPolicy Mips { get; init; } = MipPolicy.Keep;

    public StylizeSettings StylizeSettings => new(Seamless, TileSize, 0);
}
