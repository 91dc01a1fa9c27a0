namespace StyleForge.Viewer.Window;

/// <summary>
/// The key table: X11 keysym, the label users see, and the action. Help text and
/// docs/viewer.md are generated from the same table, so they cannot drift from the code.
/// </summary>
internal static class KeyMap
{
    private static readonly (ulong KeySym, string Label, ViewerAction Action)[] Keys =
    [
        (0xff53, "Right", ViewerAction.NextFile),
        (0xff54, "Down", ViewerAction.NextFile),
        (0xff56, "Page Down", ViewerAction.NextFile),
        (0xff51, "Left", ViewerAction.PreviousFile),
        (0xff52, "Up", ViewerAction.PreviousFile),
        (0xff55, "Page Up", ViewerAction.PreviousFile),
        (0xffbe, "F1", ViewerAction.ModeSingle),
        (0xffbf, "F2", ViewerAction.ModeSide),
        (0xffc0, "F3", ViewerAction.ModeSplit),
        (0xffc1, "F4", ViewerAction.ModeFlip),
        (0xffc2, "F5", ViewerAction.ModeTile),
        (0xff09, "Tab", ViewerAction.NextMode),
        (0x0020, "Space (hold)", ViewerAction.ShowAfterWhileHeld),
        (0x0066, "F", ViewerAction.Fit),
        (0x0031, "1", ViewerAction.OneToOne),
        (0x003d, "+ or =", ViewerAction.ZoomIn),
        (0xffab, "Keypad +", ViewerAction.ZoomIn),
        (0x002d, "-", ViewerAction.ZoomOut),
        (0xffad, "Keypad -", ViewerAction.ZoomOut),
        (0x0072, "R", ViewerAction.ChannelRed),
        (0x0067, "G", ViewerAction.ChannelGreen),
        (0x0062, "B", ViewerAction.ChannelBlue),
        (0x0061, "A", ViewerAction.ChannelAlpha),
        (0x0063, "C", ViewerAction.ChannelAll),
        (0x005d, "]", ViewerAction.MipSmaller),
        (0x005b, "[", ViewerAction.MipLarger),
        (0xff1b, "Escape", ViewerAction.Quit),
        (0x0071, "Q", ViewerAction.Quit),
    ];

    private static readonly Dictionary<ViewerAction, string> Descriptions = new()
    {
        [ViewerAction.NextFile] = "next file",
        [ViewerAction.PreviousFile] = "previous file",
        [ViewerAction.ModeSingle] = "single view (the converted image)",
        [ViewerAction.ModeSide] = "side by side: before left, after right",
        [ViewerAction.ModeSplit] = "split view; drag the divider with the left mouse button",
        [ViewerAction.ModeFlip] = "flip view: before, after while Space is held",
        [ViewerAction.ModeTile] = "tile 3x3 to check seams",
        [ViewerAction.NextMode] = "next view mode",
        [ViewerAction.ShowAfterWhileHeld] = "in flip view, show after while held",
        [ViewerAction.Fit] = "fit to window",
        [ViewerAction.OneToOne] = "1:1, one texel per screen pixel",
        [ViewerAction.ZoomIn] = "zoom in",
        [ViewerAction.ZoomOut] = "zoom out",
        [ViewerAction.ChannelRed] = "red channel as gray",
        [ViewerAction.ChannelGreen] = "green channel as gray",
        [ViewerAction.ChannelBlue] = "blue channel as gray",
        [ViewerAction.ChannelAlpha] = "alpha channel as gray",
        [ViewerAction.ChannelAll] = "all channels, alpha over a checkerboard",
        [ViewerAction.MipSmaller] = "DDS: next mip level (half the size), fitted to the window with nearest texels",
        [ViewerAction.MipLarger] = "DDS: previous mip level (twice the size)",
        [ViewerAction.Quit] = "close the viewer",
    };

    private static readonly (string Key, string Action)[] Mouse =
    [
        ("Mouse wheel", "zoom around the cursor"),
        ("Left drag", "pan (in split view, drag near the divider to move it)"),
        ("Middle or right drag", "pan"),
    ];

    public static ViewerAction? ActionFor(ulong keySym)
    {
        foreach (var key in Keys)
        {
            if (key.KeySym == keySym)
            {
                return key.Action;
            }
        }
        return null;
    }

    public static IReadOnlyList<(string Key, string Action)> Bindings { get; } =
        Keys.GroupBy(k => k.Action)
            .Select(g => (string.Join(", ", g.Select(k => k.Label)), Descriptions[g.Key]))
            .Concat(Mouse)
            .ToArray();
}
