using System.Numerics;

namespace StyleForge.Viewer.Views;

/// <summary>
/// Mode, channel, zoom, pan and split position of a view, and the geometry that follows
/// from them. Coordinates: screen pixels are viewport-relative with y down; content
/// coordinates are texels of the shown image (three images wide and high in tile mode).
/// </summary>
internal sealed class ViewState
{
    // Beyond these a texel is either sub-pixel noise or fills the window; neither helps.
    private const float MinZoom = 1f / 64;
    private const float MaxZoom = 256;

    public ViewState(ViewMode mode)
    {
        Mode = mode;
    }

    public ViewMode Mode { get; set; }

    public ViewChannel Channel { get; set; } = ViewChannel.All;

    /// <summary>Screen pixels per texel.</summary>
    public float Zoom { get; private set; } = 1;

    /// <summary>Content coordinate shown at the middle of each panel.</summary>
    public Vector2 Center { get; private set; }

    /// <summary>Split divider position as a fraction of the view width.</summary>
    public float Split { get; set; } = 0.5f;

    public bool FlipHeld { get; set; }

    /// <summary>
    /// The mip level asked for; each image shows it, or its last level when it has fewer (plain images have only
    /// level 0). Sizes and texel coordinates are those of the level shown.
    /// </summary>
    public int MipLevel { get; set; }

    /// <summary>Magnified texels stay crisp (nearest); minified ones are averaged (linear) to limit shimmer.</summary>
    public bool UseLinearFilter => Zoom < 1;

    public ShaderMode ShaderMode(ViewerPair pair) => ShaderModes.For(Mode, pair.After is not null, FlipHeld);

    public Vector2 PanelSize(ViewerPair pair, Vector2 viewSize) =>
        ShaderMode(pair) == Views.ShaderMode.Side ? new Vector2(viewSize.X / 2, viewSize.Y) : viewSize;

    public Vector2 ContentSize(ViewerPair pair) => ShaderMode(pair) switch
    {
        Views.ShaderMode.Tile => 3 * Size(pair.Shown),
        Views.ShaderMode.After => Size(pair.Shown),
        _ => Size(pair.Before),
    };

    /// <summary>Zooms so the whole content fits the panel, centred.</summary>
    public void Fit(ViewerPair pair, Vector2 viewSize)
    {
        var panel = PanelSize(pair, viewSize);
        var content = ContentSize(pair);
        Zoom = Math.Clamp(MathF.Min(panel.X / content.X, panel.Y / content.Y), MinZoom, MaxZoom);
        Center = content / 2;
    }

    /// <summary>One texel per screen pixel, keeping the centre.</summary>
    public void OneToOne() => Zoom = 1;

    /// <summary>Scales the zoom, keeping the content point under <paramref name="cursor"/> in place.</summary>
    public void ZoomAt(ViewerPair pair, Vector2 viewSize, Vector2 cursor, float factor)
    {
        var panel = PanelSize(pair, viewSize);
        var local = cursor.X >= panel.X ? cursor - new Vector2(panel.X, 0) : cursor;
        var offset = local - panel / 2;
        var underCursor = offset / Zoom + Center;
        Zoom = Math.Clamp(Zoom * factor, MinZoom, MaxZoom);
        Center = underCursor - offset / Zoom;
    }

    /// <summary>Moves the content with the mouse by <paramref name="screenDelta"/> pixels.</summary>
    public void Pan(Vector2 screenDelta) => Center -= screenDelta / Zoom;

    public ViewConstants Constants(ViewerPair pair, Vector2 origin, Vector2 viewSize, float divider) => new()
    {
        Origin = origin,
        ViewSize = viewSize,
        Center = Center,
        BeforeSize = Size(pair.Before),
        AfterSize = Size(pair.Shown),
        Zoom = Zoom,
        Split = Split,
        Divider = divider,
        Mode = ShaderMode(pair),
        Channel = Channel,
        BeforeSrgb = pair.Before.Texture?.Srgb == true ? 1 : 0,
        AfterSrgb = pair.Shown.Texture?.Srgb == true ? 1 : 0,
    };

    private Vector2 Size(ViewerImage image)
    {
        var (width, height) = image.LevelSize(MipLevel);
        return new Vector2(width, height);
    }
}
