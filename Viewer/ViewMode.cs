namespace StyleForge.Viewer;

/// <summary>How a pair is shown.</summary>
public enum ViewMode
{
    /// <summary>The converted image alone (the original when there is no conversion).</summary>
    Single,

    /// <summary>Before on the left, after on the right, panned and zoomed together.</summary>
    Side,

    /// <summary>One view, before left of a movable divider and after right of it.</summary>
    Split,

    /// <summary>Before, replaced by after while the flip key is held.</summary>
    Flip,

    /// <summary>The image repeated 3x3, to check that a texture tiles without seams.</summary>
    Tile,
}
