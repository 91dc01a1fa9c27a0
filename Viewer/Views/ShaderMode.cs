namespace StyleForge.Viewer.Views;

/// <summary>What view.frag draws; the values match its MODE_ constants.</summary>
internal enum ShaderMode
{
    Before = 0,
    After = 1,
    Side = 2,
    Split = 3,
    Tile = 4,
}

internal static class ShaderModes
{
    /// <summary>Maps a user-facing mode to what the shader draws.</summary>
    /// <param name="mode">The selected view mode.</param>
    /// <param name="hasAfter">False when browsing single images: comparisons then fall back to one image.</param>
    /// <param name="flipHeld">Whether the flip key is down.</param>
    public static ShaderMode For(ViewMode mode, bool hasAfter, bool flipHeld) => mode switch
    {
        ViewMode.Tile => ShaderMode.Tile,
        _ when !hasAfter => ShaderMode.Before,
        ViewMode.Side => ShaderMode.Side,
        ViewMode.Split => ShaderMode.Split,
        ViewMode.Flip => flipHeld ? ShaderMode.After : ShaderMode.Before,
        _ => ShaderMode.After,
    };
}
