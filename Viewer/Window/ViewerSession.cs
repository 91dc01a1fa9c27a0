using System.Numerics;
using StyleForge.Viewer.Views;

namespace StyleForge.Viewer.Window;

/// <summary>
/// The window's state machine: which pair is shown, how, and what each key and mouse
/// event changes. It knows nothing of X11 or Vulkan, so tests can drive it directly.
/// </summary>
internal sealed class ViewerSession
{
    /// <summary>Width of the split divider in pixels.</summary>
    public const float DividerWidth = 2;

    // How close to the divider a press must be to grab it rather than pan.
    private const float DividerGrab = 6;
    private const float ZoomStep = 1.25f;

    private readonly IReadOnlyList<ViewerPair> _pairs;
    private readonly string _titlePrefix;
    private Drag _drag;
    private Vector2 _lastMouse;
    private bool _fitPending = true;

    public ViewerSession(IReadOnlyList<ViewerPair> pairs, ViewerOptions options)
    {
        _pairs = pairs;
        _titlePrefix = options.TitlePrefix;
        State = new ViewState(options.Mode);
        ViewSize = new Vector2(options.Width, options.Height);
        State.MipLevel = Math.Clamp(options.MipLevel, 0, LastLevel);
    }

    private enum Drag
    {
        None,
        Pan,
        Divider,
    }

    public ViewState State { get; }

    public int Index { get; private set; }

    public ViewerPair Pair => _pairs[Index];

    public Vector2 ViewSize { get; private set; }

    /// <summary>Something changed since the last presented frame.</summary>
    public bool Dirty { get; set; } = true;

    /// <summary>The window is unmapped (minimised); nothing is drawn until it returns.</summary>
    public bool Hidden { get; private set; }

    public bool Quit { get; private set; }

    public string Title
    {
        get
        {
            var image = Pair.Before;
            var mode = State.ShaderMode(Pair) switch
            {
                ShaderMode.Side => "side by side",
                ShaderMode.Split => "split",
                ShaderMode.Tile => "tile 3x3",
                _ when State.Mode == ViewMode.Flip && Pair.After is not null => State.FlipHeld ? "flip: after" : "flip: before",
                _ => "single",
            };
            var channel = State.Channel == ViewChannel.All ? string.Empty : $" - {State.Channel.ToString().ToLowerInvariant()} only";
            var level = string.Empty;
            if (image.Texture is { } texture)
            {
                var (width, height) = image.LevelSize(State.MipLevel);
                level = $" - {texture.Description}, mip level {image.Level(State.MipLevel)} of 0-{image.LevelCount - 1} ({width}x{height})";
            }
            return $"{_titlePrefix} - {image.Name} ({image.Width}x{image.Height}){level} - {mode}{channel} - " +
                $"{Index + 1}/{_pairs.Count} - {State.Zoom * 100:0.#}%";
        }
    }

    /// <summary>Applies deferred work that needs the final window size; call before drawing.</summary>
    public void PrepareFrame()
    {
        if (_fitPending)
        {
            State.Fit(Pair, ViewSize);
            _fitPending = false;
        }
    }

    public void Handle(WindowEvent e)
    {
        switch (e.Kind)
        {
            case WindowEventKind.KeyDown when KeyMap.ActionFor(e.KeySym) is { } action:
                Apply(action);
                break;
            case WindowEventKind.KeyUp when KeyMap.ActionFor(e.KeySym) == ViewerAction.ShowAfterWhileHeld:
                State.FlipHeld = false;
                Dirty = true;
                break;
            case WindowEventKind.ButtonDown:
                Press(e.Button, new Vector2(e.X, e.Y));
                break;
            case WindowEventKind.ButtonUp:
                _drag = Drag.None;
                break;
            case WindowEventKind.Motion:
                Move(new Vector2(e.X, e.Y));
                break;
            case WindowEventKind.Resized:
                ViewSize = new Vector2(e.X, e.Y);
                Dirty = true;
                break;
            case WindowEventKind.Exposed:
                Dirty = true;
                break;
            case WindowEventKind.Hidden:
                Hidden = true;
                break;
            case WindowEventKind.Shown:
                Hidden = false;
                Dirty = true;
                break;
            case WindowEventKind.Closed:
                Quit = true;
                break;
        }
    }

    private void Apply(ViewerAction action)
    {
        Dirty = true;
        switch (action)
        {
            case ViewerAction.Quit:
                Quit = true;
                break;
            case ViewerAction.NextFile:
                ShowPair((Index + 1) % _pairs.Count);
                break;
            case ViewerAction.PreviousFile:
                ShowPair((Index + _pairs.Count - 1) % _pairs.Count);
                break;
            case ViewerAction.ModeSingle:
                SetMode(ViewMode.Single);
                break;
            case ViewerAction.ModeSide:
                SetMode(ViewMode.Side);
                break;
            case ViewerAction.ModeSplit:
                SetMode(ViewMode.Split);
                break;
            case ViewerAction.ModeFlip:
                SetMode(ViewMode.Flip);
                break;
            case ViewerAction.ModeTile:
                SetMode(ViewMode.Tile);
                break;
            case ViewerAction.NextMode:
                SetMode((ViewMode)(((int)State.Mode + 1) % Enum.GetValues<ViewMode>().Length));
                break;
            case ViewerAction.ShowAfterWhileHeld:
                State.FlipHeld = true;
                break;
            case ViewerAction.Fit:
                _fitPending = true;
                break;
            case ViewerAction.OneToOne:
                State.OneToOne();
                break;
            case ViewerAction.ZoomIn:
                State.ZoomAt(Pair, ViewSize, ViewSize / 2, ZoomStep);
                break;
            case ViewerAction.ZoomOut:
                State.ZoomAt(Pair, ViewSize, ViewSize / 2, 1 / ZoomStep);
                break;
            case ViewerAction.ChannelRed:
                State.Channel = ViewChannel.Red;
                break;
            case ViewerAction.ChannelGreen:
                State.Channel = ViewChannel.Green;
                break;
            case ViewerAction.ChannelBlue:
                State.Channel = ViewChannel.Blue;
                break;
            case ViewerAction.ChannelAlpha:
                State.Channel = ViewChannel.Alpha;
                break;
            case ViewerAction.ChannelAll:
                State.Channel = ViewChannel.All;
                break;
            case ViewerAction.MipSmaller:
                ShowLevel(State.MipLevel + 1);
                break;
            case ViewerAction.MipLarger:
                ShowLevel(State.MipLevel - 1);
                break;
        }
    }

    private int LastLevel => Math.Max(Pair.Before.LevelCount, Pair.After?.LevelCount ?? 1) - 1;

    private void ShowPair(int index)
    {
        Index = index;
        State.MipLevel = Math.Min(State.MipLevel, LastLevel);
        _fitPending = true;
    }

    // A smaller level is refitted to the window, so its texels are magnified with nearest filtering and the
    // blocks of a 16x16 level are as visible as those of the full size; 1 shows it at its own pixel size.
    private void ShowLevel(int level)
    {
        State.MipLevel = Math.Clamp(level, 0, LastLevel);
        _fitPending = true;
    }

    // Zoom and pan carry over between modes that frame the content the same way (split
    // and flip, say); entering or leaving side-by-side or tile changes the framing, so refit.
    private void SetMode(ViewMode mode)
    {
        var panel = State.PanelSize(Pair, ViewSize);
        var content = State.ContentSize(Pair);
        State.Mode = mode;
        if (panel != State.PanelSize(Pair, ViewSize) || content != State.ContentSize(Pair))
        {
            _fitPending = true;
        }
    }

    private void Press(int button, Vector2 at)
    {
        _lastMouse = at;
        switch (button)
        {
            case 1 when State.ShaderMode(Pair) == ShaderMode.Split && MathF.Abs(at.X - State.Split * ViewSize.X) <= DividerGrab:
                _drag = Drag.Divider;
                break;
            case 1 or 2 or 3:
                _drag = Drag.Pan;
                break;
            // X11 reports wheel steps as buttons 4 (up) and 5 (down).
            case 4:
                State.ZoomAt(Pair, ViewSize, at, ZoomStep);
                Dirty = true;
                break;
            case 5:
                State.ZoomAt(Pair, ViewSize, at, 1 / ZoomStep);
                Dirty = true;
                break;
        }
    }

    private void Move(Vector2 to)
    {
        switch (_drag)
        {
            case Drag.Divider:
                State.Split = Math.Clamp(to.X / ViewSize.X, 0, 1);
                Dirty = true;
                break;
            case Drag.Pan:
                State.Pan(to - _lastMouse);
                Dirty = true;
                break;
        }
        _lastMouse = to;
    }
}
