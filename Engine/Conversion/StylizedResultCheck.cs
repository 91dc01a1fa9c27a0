using StyleForge.Plugins;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// What the contract asks of a stylizer's result, checked before anything is written: a texture,
/// the input's size, three channels, finite values. Each problem is said exactly, so a plugin author
/// knows which rule the result broke.
/// </summary>
public static class StylizedResultCheck
{
    /// <summary>Null when the result is usable, otherwise what is wrong, phrased to follow "plugin 'NAME' ".</summary>
    public static string? Problem(TextureBuffer? result, TextureBuffer input)
    {
        if (result is null)
        {
            return "returned no texture (null) from Stylize; it must return an RGB TextureBuffer of the input's size";
        }
        if (result.Channels != 3)
        {
            return $"returned {result.Channels} channel{(result.Channels == 1 ? "" : "s")} from Stylize; it must return 3 (RGB): the host handles gray and alpha";
        }
        if (result.Width != input.Width || result.Height != input.Height)
        {
            return $"returned {result.Width}x{result.Height} for a {input.Width}x{input.Height} input; it must keep the size";
        }
        var pixels = result.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            if (!float.IsFinite(pixels[i]))
            {
                var pixel = i / 3;
                // Written as black before this check existed, and recorded as up to date: the file must fail instead.
                return $"returned {pixels[i]} at pixel ({pixel % result.Width}, {pixel / result.Width}) channel {i % 3}; values must be finite (NaN and infinity are refused)";
            }
        }
        return null;
    }
}
