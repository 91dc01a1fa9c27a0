using System.Text.Json;
using System.Text.Json.Serialization;
using StyleForge.Engine.Runs;

namespace StyleForge.Engine.Sampling;

/// <summary>
/// A rectangle of whole pixels: a pixel belongs when its centre lies inside the scene's rectangle.
/// Right and Bottom are exclusive, so an empty rectangle has Right == Left or Bottom == Top.
/// </summary>
public sealed record PixelRect(int Left, int Top, int Right, int Bottom)
{
    [JsonIgnore]
    public bool IsEmpty => Right <= Left || Bottom <= Top;

    public bool Contains(int x, int y) => x >= Left && x < Right && y >= Top && y < Bottom;

    public static PixelRect From(Area area, int size) => new(Edge(area.Left, size), Edge(area.Top, size), Edge(area.Right, size), Edge(area.Bottom, size));

    // The first pixel whose centre (p + 0.5) / size is at or past the edge.
    private static int Edge(double position, int size) => Math.Clamp((int)Math.Ceiling(position * size - 0.5), 0, size);
}

/// <summary>One window's glass and whether its room is lit in the truth.</summary>
public sealed record LightMaskWindow(PixelRect Glass, bool Lit);

/// <summary>
/// Where a lamp lights the wall: every pixel whose centre lies within <paramref name="Radius"/> pixels of the bulb
/// rectangle (pixel units, not rounded).
/// </summary>
public sealed record GlowRegion(double Left, double Top, double Right, double Bottom, double Radius)
{
    public bool Contains(int x, int y)
    {
        var cx = x + 0.5;
        var cy = y + 0.5;
        var dx = Math.Max(Math.Max(Left - cx, 0), cx - Right);
        var dy = Math.Max(Math.Max(Top - cy, 0), cy - Bottom);
        return dx * dx + dy * dy <= Radius * Radius;
    }
}

/// <summary>
/// Where the light is in one held-out night truth, written by the sample generator from the scene itself (not from
/// pixels): each window's glass and whether it is lit, the lamps' glow regions, and the bare wall that a window's
/// brightness is compared with. Pixel coordinates of the texture, y down. Format documented in docs/sample-data.md.
/// </summary>
/// <param name="Width">Texture width in pixels.</param>
/// <param name="Height">Texture height in pixels.</param>
/// <param name="Windows">Every window with at least one pixel of glass.</param>
/// <param name="Glow">One region per lamp.</param>
/// <param name="WallBand">The rows and columns the wall spans (below the cornice, above the pavement).</param>
/// <param name="NotWall">Rectangles inside <paramref name="WallBand"/> that are not wall: window frames, the door, lamp fixtures.</param>
public sealed record LightMask(
    int Width,
    int Height,
    IReadOnlyList<LightMaskWindow> Windows,
    IReadOnlyList<GlowRegion> Glow,
    PixelRect WallBand,
    IReadOnlyList<PixelRect> NotWall)
{
    public const string Extension = ".json";

    public static LightMask For(FacadeScene scene, int size)
    {
        var windows = scene.Windows
            .Select(w => new LightMaskWindow(PixelRect.From(w.Glass, size), w.Curtained))
            .Where(w => !w.Glass.IsEmpty)
            .ToList();
        // The lamp's light falls to 1/e of its peak at FacadeRenderer.LampSpillRadius from the bulb: that is the glow.
        var glow = scene.Lamps
            .Select(l => new GlowRegion(l.Bulb.Left * size, l.Bulb.Top * size, l.Bulb.Right * size, l.Bulb.Bottom * size,
                FacadeRenderer.LampSpillRadius * size))
            .ToList();
        var notWall = scene.Windows.Select(w => w.Frame)
            .Concat(scene.Door is { } door ? [door] : [])
            .Concat(scene.Lamps.Select(l => l.Fixture))
            .Select(a => PixelRect.From(a, size))
            .Where(r => !r.IsEmpty)
            .ToList();
        return new LightMask(size, size, windows, glow, PixelRect.From(new Area(0, scene.CorniceBottom, 1, scene.GroundTop), size), notWall);
    }

    public bool IsWall(int x, int y) => WallBand.Contains(x, y) && !NotWall.Any(r => r.Contains(x, y));

    public bool IsGlow(int x, int y) => Glow.Any(g => g.Contains(x, y));

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions.Indented));

    /// <summary>Reads a mask file; throws <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static LightMask Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LightMask>(File.ReadAllText(path), JsonOptions.Indented)
                ?? throw new InvalidDataException($"{path}: empty light mask");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a light mask ({ex.Message}); regenerate it with 'styleforge sample daynight'", ex);
        }
    }
}
