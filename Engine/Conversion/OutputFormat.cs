using StyleForge.Engine.Textures;
using StyleForge.Engine.Textures.Dds;

namespace StyleForge.Engine.Conversion;

/// <summary>How many mip levels a DDS output gets: as many as the source had, none, or a full chain.</summary>
public enum MipPolicy
{
    Keep,
    None,
    Full,
}

/// <summary>
/// The file format converted textures are written in: <c>keep</c> (each in its source's own format, the default) or
/// a DDS format for all, for example <c>dds-bc7-srgb</c>. DDS outputs of non-DDS sources get the .dds extension.
/// </summary>
public sealed record OutputFormat(string Name, DdsFormat? Dds)
{
    public static readonly OutputFormat Keep = new("keep", null);

    private static readonly (string Name, int Dxgi)[] DdsTargets =
    {
        ("dds-bc1", DxgiFormats.Bc1Unorm), ("dds-bc1-srgb", DxgiFormats.Bc1UnormSrgb),
        ("dds-bc3", DxgiFormats.Bc3Unorm), ("dds-bc3-srgb", DxgiFormats.Bc3UnormSrgb),
        ("dds-bc4", DxgiFormats.Bc4Unorm), ("dds-bc5", DxgiFormats.Bc5Unorm),
        ("dds-bc7", DxgiFormats.Bc7Unorm), ("dds-bc7-srgb", DxgiFormats.Bc7UnormSrgb),
        ("dds-rgba8", DxgiFormats.R8G8B8A8Unorm), ("dds-rgba8-srgb", DxgiFormats.R8G8B8A8UnormSrgb),
    };

    public static IReadOnlyList<string> Names { get; } = new[] { "keep" }.Concat(DdsTargets.Select(t => t.Name)).ToArray();

    public static IReadOnlyList<string> MipNames { get; } = new[] { "keep", "none", "full" };

    /// <summary>Parses an --output-format value; throws <see cref="ArgumentException"/> listing the choices.</summary>
    public static OutputFormat Parse(string name)
    {
        if (string.Equals(name, "keep", StringComparison.OrdinalIgnoreCase))
        {
            return Keep;
        }
        foreach (var (target, dxgi) in DdsTargets)
        {
            if (string.Equals(name, target, StringComparison.OrdinalIgnoreCase))
            {
                return new OutputFormat(target, DxgiFormats.Describe(dxgi));
            }
        }
        throw new ArgumentException($"output format must be one of {string.Join(", ", Names)}; got '{name}'");
    }

    public static MipPolicy ParseMips(string name) => name.ToLowerInvariant() switch
    {
        "keep" => MipPolicy.Keep,
        "none" => MipPolicy.None,
        "full" => MipPolicy.Full,
        _ => throw new ArgumentException($"mips must be keep, none or full; got '{name}'"),
    };

    /// <summary>Where the output of <paramref name="relative"/> goes, relative to the output folder.</summary>
    public string OutputRelativePath(string relative) =>
        Dds is null || relative.EndsWith(".dds", StringComparison.OrdinalIgnoreCase) ? relative : Path.ChangeExtension(relative, ".dds");

    /// <summary>The layout to write a texture decoded as <paramref name="source"/> in, with the mip policy applied to DDS outputs.</summary>
    public TextureLayout Apply(TextureLayout source, MipPolicy mips, int width, int height)
    {
        var sourceMips = source.Dds?.MipCount ?? 1;
        var count = mips switch
        {
            MipPolicy.None => 1,
            MipPolicy.Full => DdsWriter.FullMipCount(width, height),
            _ => sourceMips,
        };
        if (Dds is null)
        {
            return source.Dds is null ? source : source with { Dds = source.Dds with { MipCount = count } };
        }
        return new TextureLayout(TextureFileFormat.Dds, source.Channels, 8, $"{Dds.Name} from {source.Description}")
        {
            Dds = new DdsLayout(Dds, count),
        };
    }
}
