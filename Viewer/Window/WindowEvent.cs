namespace StyleForge.Viewer.Window;

internal enum WindowEventKind
{
    KeyDown,
    KeyUp,
    ButtonDown,
    ButtonUp,
    Motion,
    Resized,
    Exposed,
    Hidden,
    Shown,
    Closed,
    Other,
}

/// <summary>
/// A window-system event reduced to what the viewer reacts to. X11 keysyms name keys;
/// X and Y are the pointer position, or the new client size for Resized.
/// </summary>
internal readonly record struct WindowEvent(WindowEventKind Kind, ulong KeySym = 0, int Button = 0, int X = 0, int Y = 0);
