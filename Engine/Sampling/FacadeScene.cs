namespace StyleForge.Engine.Sampling;

/// <summary>An axis-aligned rectangle in texture space, both axes in [0, 1], y down.</summary>
public readonly record struct Area(double Left, double Top, double Right, double Bottom)
{
    public bool Contains(double x, double y) => x >= Left && x < Right && y >= Top && y < Bottom;

    /// <summary>Distance from a point to the rectangle; 0 inside.</summary>
    public double DistanceTo(double x, double y)
    {
        var dx = Math.Max(Math.Max(Left - x, 0), x - Right);
        var dy = Math.Max(Math.Max(Top - y, 0), y - Bottom);
        return Math.Sqrt(dx * dx + dy * dy);
    }
}

/// <summary>
/// One window. Curtains are visible by day (fabric behind the glass instead of the sky's reflection)
/// and mark the rooms whose lights are on at night, so the night look follows from the day content.
/// </summary>
public sealed record FacadeWindow(Area Glass, Area Frame, bool Curtained, LinearColor Curtain);

/// <summary>A wall lamp: a dark fixture by day, a glowing bulb that lights the wall around it by night.</summary>
public sealed record WallLamp(Area Fixture, Area Bulb);

/// <summary>The surface look of the wall.</summary>
public enum WallMaterial
{
    Brick,
    Plaster,
}

/// <summary>
/// A building facade: everything that is the same by day and by night (geometry and surface colours).
/// Lighting is applied by <see cref="FacadeRenderer"/>.
/// </summary>
public sealed record FacadeScene(
    ulong Seed,
    WallMaterial Material,
    LinearColor Wall,
    LinearColor Mortar,
    double BrickRows,
    double RoofBottom,
    LinearColor Roof,
    double CorniceBottom,
    LinearColor Cornice,
    double GroundTop,
    LinearColor Ground,
    LinearColor FrameColor,
    bool Mullions,
    FacadeWindow[] Windows,
    Area? Door,
    LinearColor DoorColor,
    WallLamp[] Lamps,
    LinearColor SkyZenith,
    LinearColor SkyHorizon)
{
    private static readonly LinearColor[] BrickColors =
    {
        LinearColor.FromSrgb(0.62, 0.30, 0.22), LinearColor.FromSrgb(0.55, 0.36, 0.28),
        LinearColor.FromSrgb(0.70, 0.45, 0.32), LinearColor.FromSrgb(0.48, 0.26, 0.22),
    };

    private static readonly LinearColor[] PlasterColors =
    {
        LinearColor.FromSrgb(0.86, 0.80, 0.66), LinearColor.FromSrgb(0.78, 0.82, 0.78),
        LinearColor.FromSrgb(0.88, 0.72, 0.60), LinearColor.FromSrgb(0.80, 0.80, 0.82),
        LinearColor.FromSrgb(0.72, 0.78, 0.86),
    };

    private static readonly LinearColor[] RoofColors =
    {
        LinearColor.FromSrgb(0.45, 0.20, 0.16), LinearColor.FromSrgb(0.30, 0.32, 0.36), LinearColor.FromSrgb(0.40, 0.30, 0.22),
    };

    private static readonly LinearColor[] FrameColors =
    {
        LinearColor.FromSrgb(0.92, 0.92, 0.90), LinearColor.FromSrgb(0.30, 0.22, 0.16), LinearColor.FromSrgb(0.20, 0.35, 0.25),
    };

    private static readonly LinearColor[] CurtainColors =
    {
        LinearColor.FromSrgb(0.80, 0.30, 0.25), LinearColor.FromSrgb(0.85, 0.70, 0.40), LinearColor.FromSrgb(0.90, 0.86, 0.75),
        LinearColor.FromSrgb(0.60, 0.45, 0.70),
    };

    /// <summary>Builds the scene for a seed; the same seed always gives the same scene.</summary>
    public static FacadeScene Generate(ulong seed)
    {
        var random = new SceneRandom(seed);
        var material = random.Chance(0.5) ? WallMaterial.Brick : WallMaterial.Plaster;
        var wall = material == WallMaterial.Brick ? random.Pick(BrickColors) : random.Pick(PlasterColors);
        wall *= random.Range(0.85, 1.1);
        var roofBottom = random.Range(0.10, 0.20);
        var corniceBottom = roofBottom + random.Range(0.025, 0.045);
        var groundTop = random.Range(0.90, 0.95);

        var columns = random.Between(2, 4);
        var rows = random.Between(2, 3);
        var cellWidth = 1.0 / columns;
        var storeyHeight = (groundTop - corniceBottom) / rows;
        var glassWidth = cellWidth * random.Range(0.42, 0.6);
        var glassHeight = storeyHeight * random.Range(0.48, 0.62);
        var frame = Math.Max(0.012, glassWidth * 0.1);
        var curtainShare = random.Range(0.25, 0.65);
        var doorColumn = random.Chance(0.75) ? random.Between(0, columns - 1) : -1;

        var windows = new List<FacadeWindow>();
        Area? door = null;
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var centerX = (column + 0.5) * cellWidth;
                var top = corniceBottom + row * storeyHeight + storeyHeight * 0.22;
                if (row == rows - 1 && column == doorColumn)
                {
                    var doorWidth = cellWidth * random.Range(0.35, 0.45);
                    door = new Area(centerX - doorWidth / 2, top - storeyHeight * 0.05, centerX + doorWidth / 2, groundTop);
                    continue;
                }
                var glass = new Area(centerX - glassWidth / 2, top, centerX + glassWidth / 2, top + glassHeight);
                var outer = new Area(glass.Left - frame, glass.Top - frame, glass.Right + frame, glass.Bottom + frame * 1.6);
                windows.Add(new FacadeWindow(glass, outer, random.Chance(curtainShare), random.Pick(CurtainColors)));
            }
        }

        var lamps = new List<WallLamp>();
        if (door is { } d)
        {
            lamps.Add(Lamp(d.Right + 0.035, d.Top + 0.01));
        }
        if (random.Chance(0.6))
        {
            // A lamp on the corner of the ground floor, between the first two windows.
            lamps.Add(Lamp(cellWidth, corniceBottom + (rows - 1) * storeyHeight + storeyHeight * 0.2));
        }

        return new FacadeScene(
            seed,
            material,
            wall,
            material == WallMaterial.Brick ? LinearColor.FromSrgb(0.72, 0.70, 0.66) : wall * 0.9,
            random.Between(14, 22),
            roofBottom,
            random.Pick(RoofColors),
            corniceBottom,
            LinearColor.FromSrgb(0.85, 0.83, 0.78),
            groundTop,
            LinearColor.FromSrgb(0.50, 0.50, 0.52),
            random.Pick(FrameColors),
            random.Chance(0.5),
            windows.ToArray(),
            door,
            LinearColor.FromSrgb(random.Range(0.2, 0.5), random.Range(0.15, 0.3), random.Range(0.1, 0.25)),
            lamps.ToArray(),
            LinearColor.FromSrgb(random.Range(0.25, 0.4), random.Range(0.45, 0.6), random.Range(0.8, 0.95)),
            LinearColor.FromSrgb(random.Range(0.75, 0.9), random.Range(0.82, 0.92), random.Range(0.9, 1.0)));
    }

    private static WallLamp Lamp(double centerX, double top) =>
        new(new Area(centerX - 0.018, top, centerX + 0.018, top + 0.05), new Area(centerX - 0.011, top + 0.012, centerX + 0.011, top + 0.04));
}
