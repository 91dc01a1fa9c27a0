namespace StyleForge.Plugins;

/// <summary>Converts one texture from one domain to the other. Instances are used from one thread at a time.</summary>
public interface IStylizer : IDisposable
{
    /// <summary>
    /// Stylizes an RGB texture (3 channels, any size) and returns an RGB texture of the same size.
    /// The host handles alpha, gray and bit depth before and after.
    /// </summary>
    /// <param name="rgb">The input, 3 channels.</param>
    /// <param name="settings">Tiling and seamless handling.</param>
    /// <param name="cancellation">Stops the work between tiles.</param>
    TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation);
}
