namespace StyleForge.Plugins;

/// <summary>
/// A decoded texture as plain pixels: interleaved, row-major, one float per channel with the
/// nominal range [0, 1]. Channel layouts are 1 (gray), 2 (gray, alpha), 3 (RGB) and 4 (RGBA).
/// </summary>
public sealed class TextureBuffer
{
    /// <summary>Creates a buffer, zero-filled unless <paramref name="pixels"/> is given.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="channels">1, 2, 3 or 4.</param>
    /// <param name="pixels">Optional interleaved data of length width × height × channels; it is used, not copied.</param>
    public TextureBuffer(int width, int height, int channels, float[]? pixels = null)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A texture needs a positive size, got {width}x{height}.");
        }
        if (channels is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), $"Channels must be 1 to 4, got {channels}.");
        }
        var length = checked(width * height * channels);
        if (pixels is not null && pixels.Length != length)
        {
            throw new ArgumentException($"Expected {length} values for {width}x{height}x{channels}, got {pixels.Length}.", nameof(pixels));
        }
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels ?? new float[length];
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Values per pixel: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA.</summary>
    public int Channels { get; }

    /// <summary>True for the layouts that carry alpha as their last channel.</summary>
    public bool HasAlpha => Channels is 2 or 4;

    /// <summary>Bits per channel of the source file (8 or 16), so a writer can keep it.</summary>
    public int BitDepth { get; init; } = 8;

    /// <summary>How colour values are encoded.</summary>
    public ColorEncoding Encoding { get; init; } = ColorEncoding.Srgb;

    /// <summary>The interleaved pixel values.</summary>
    public float[] Pixels { get; }

    /// <summary>Index of channel <paramref name="c"/> of pixel (<paramref name="x"/>, <paramref name="y"/>) in <see cref="Pixels"/>.</summary>
    /// <param name="x">Column.</param>
    /// <param name="y">Row.</param>
    /// <param name="c">Channel.</param>
    public int IndexOf(int x, int y, int c) => ((y * Width) + x) * Channels + c;
}
