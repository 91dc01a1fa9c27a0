using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>Runs a generator over one texture and returns the result at the input's size.</summary>
internal static class TextureTranslator
{
    /// <summary>
    /// Translates an RGB texture with <paramref name="generator"/> on <paramref name="device"/>: whole when it fits one
    /// tile, otherwise in overlapping tiles with whole-image statistics; seamless textures wrap around (see <see cref="TiledInference"/>).
    /// </summary>
    public static TextureBuffer Translate(ResnetGenerator generator, Device device, TextureBuffer rgb, StylizeSettings settings,
        CancellationToken cancellation) =>
        new TiledInference(generator, device).Translate(rgb, settings, cancellation);
}
