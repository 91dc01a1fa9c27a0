namespace StyleForge.Viewer.Window;

/// <summary>What a key does in the window.</summary>
internal enum ViewerAction
{
    Quit,
    NextFile,
    PreviousFile,
    ModeSingle,
    ModeSide,
    ModeSplit,
    ModeFlip,
    ModeTile,
    NextMode,
    ShowAfterWhileHeld,
    Fit,
    OneToOne,
    ZoomIn,
    ZoomOut,
    ChannelRed,
    ChannelGreen,
    ChannelBlue,
    ChannelAlpha,
    ChannelAll,
    MipSmaller,
    MipLarger,
}
