namespace StyleForge.Viewer;

/// <summary>A texture and its converted version; After is null when only browsing one set.</summary>
public sealed record ViewerPair(ViewerImage Before, ViewerImage? After)
{
    /// <summary>The image that single and tile views show: the result when there is one.</summary>
    internal ViewerImage Shown => After ?? Before;
}
