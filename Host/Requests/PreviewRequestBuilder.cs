using StyleForge.Engine.Textures;
using StyleForge.Host.Preview;
using StyleForge.Viewer;

namespace StyleForge.Host.Requests;

/// <summary>What to preview: the textures (or before/after pairs), how many, and how the sheet and window show them.</summary>
/// <param name="Before">A texture or folder.</param>
/// <param name="After">A second texture or folder to pair with <paramref name="Before"/> by relative path, if any.</param>
/// <param name="Limit">At most this many files or pairs.</param>
/// <param name="Mode">Side by side, split or toggle.</param>
/// <param name="Cell">Side of each image in a contact sheet, in pixels.</param>
/// <param name="Mip">The mip level of DDS textures to show first (0 is the full size).</param>
internal sealed record PreviewRequest(string Before, string? After, int Limit, ViewMode Mode, int Cell, int Mip)
{
    /// <summary>Reads the textures; a file that cannot be read is named through <paramref name="warn"/> and left out.</summary>
    public IReadOnlyList<ViewerPair> LoadPairs(Action<string> warn) =>
        ViewerImageSource.Load(Before, After, Limit, TextureCodec.DefaultMaxPixels, warn);
}

/// <summary>The one place a <see cref="PreviewRequest"/> is assembled, for the view verb and the preview step alike.</summary>
internal static class PreviewRequestBuilder
{
    public static PreviewRequest Build(string before, string? after, long limit, string mode, long cell, int mip = 0) =>
        new(before, after, checked((int)limit), Enum.Parse<ViewMode>(mode, ignoreCase: true), checked((int)cell), mip);
}
