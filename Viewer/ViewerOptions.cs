namespace StyleForge.Viewer;

/// <summary>Settings for the interactive window.</summary>
public sealed record ViewerOptions
{
    /// <summary>The view mode the window opens in.</summary>
    public ViewMode Mode { get; init; } = ViewMode.Side;

    /// <summary>The mip level the window opens on, for textures that have their own (DDS); ] and [ change it.</summary>
    public int MipLevel { get; init; }

    /// <summary>When set, render continuously and close after this many frames (tests, benchmarks).</summary>
    public int? Frames { get; init; }

    /// <summary>Text that starts the window title, before the file name, size and mode.</summary>
    public string TitlePrefix { get; init; } = "StyleForge";

    /// <summary>Initial client width in pixels.</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Initial client height in pixels.</summary>
    public int Height { get; init; } = 720;

    /// <summary>X display name such as ":1"; null uses the DISPLAY environment variable.</summary>
    public string? Display { get; init; }
}
