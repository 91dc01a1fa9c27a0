using StyleForge.Plugins;

namespace StyleForge.Engine.Sampling;

/// <summary>
/// Renders a <see cref="FacadeScene"/> under day or night lighting into an RGB texture. Shading is
/// done in linear light with 2 x 2 supersampling per pixel, then encoded to sRGB.
/// </summary>
public static class FacadeRenderer
{
    private static readonly LinearColor Sun = new(0.95, 0.88, 0.74);
    private static readonly LinearColor SkyAmbient = new(0.12, 0.15, 0.22);
    private static readonly LinearColor Moon = new(0.035, 0.05, 0.10);
    private static readonly LinearColor RoomLight = new(1.0, 0.62, 0.26);
    private static readonly LinearColor LampLight = new(1.0, 0.78, 0.45);
    private static readonly LinearColor NightSky = new(0.008, 0.012, 0.03);

    /// <summary>How far window light and lamp light reach across the wall, in texture widths.</summary>
    private const double WindowSpillRadius = 0.05;
    public const double LampSpillRadius = 0.11;

    public static TextureBuffer Render(FacadeScene scene, int size, SceneLighting lighting)
    {
        var texture = new TextureBuffer(size, size, 3);
        var pixels = texture.Pixels;
        var noise = new ValueNoise(scene.Seed);
        for (var py = 0; py < size; py++)
        {
            for (var px = 0; px < size; px++)
            {
                var sum = LinearColor.Black;
                for (var sy = 0; sy < 2; sy++)
                {
                    for (var sx = 0; sx < 2; sx++)
                    {
                        var u = (px + 0.25 + 0.5 * sx) / size;
                        var v = (py + 0.25 + 0.5 * sy) / size;
                        sum += Shade(scene, noise, u, v, lighting);
                    }
                }
                var i = (py * size + px) * 3;
                pixels[i] = (float)LinearColor.Encode(sum.R / 4);
                pixels[i + 1] = (float)LinearColor.Encode(sum.G / 4);
                pixels[i + 2] = (float)LinearColor.Encode(sum.B / 4);
            }
        }
        return texture;
    }

    private static LinearColor Shade(FacadeScene scene, ValueNoise noise, double u, double v, SceneLighting lighting)
    {
        var grime = 0.86 + 0.22 * noise.Fractal(u * 9, v * 9);
        var day = lighting == SceneLighting.Day;

        foreach (var lamp in scene.Lamps)
        {
            if (lamp.Bulb.Contains(u, v))
            {
                return day ? new LinearColor(0.55, 0.55, 0.5) * (Sun + SkyAmbient) : LampLight * 1.6;
            }
            if (lamp.Fixture.Contains(u, v))
            {
                return Lit(new LinearColor(0.03, 0.03, 0.035), scene, u, v, day, 1);
            }
        }

        foreach (var window in scene.Windows)
        {
            if (!window.Frame.Contains(u, v))
            {
                continue;
            }
            if (!window.Glass.Contains(u, v) || scene.Mullions && IsMullion(window.Glass, u, v))
            {
                return Lit(scene.FrameColor * grime, scene, u, v, day, 1);
            }
            return Glass(scene, window, u, v, day);
        }

        if (scene.Door is { } door && door.Contains(u, v))
        {
            var panel = Math.Abs((u - door.Left) / (door.Right - door.Left) - 0.5) < 0.42 ? 1.0 : 0.8;
            var recess = (u - door.Left) < 0.012 || (v - door.Top) < 0.015 ? 0.45 : 1;
            return Lit(scene.DoorColor * panel * grime, scene, u, v, day, recess);
        }

        if (v < scene.RoofBottom)
        {
            var tileLine = Fraction(v / scene.RoofBottom * 5) < 0.18 ? 0.6 : 1.0;
            return Lit(scene.Roof * tileLine * grime, scene, u, v, day, 1);
        }
        if (v < scene.CorniceBottom)
        {
            return Lit(scene.Cornice * grime, scene, u, v, day, 1);
        }
        if (v >= scene.GroundTop)
        {
            return Lit(scene.Ground * grime, scene, u, v, day, 1);
        }

        // Wall, with the cornice's shadow below it and each window's sill shadow by day.
        var shadow = v < scene.CorniceBottom + 0.03 ? 0.35 : 1.0;
        foreach (var window in scene.Windows)
        {
            var sill = window.Frame;
            if (u >= sill.Left + 0.01 && u < sill.Right + 0.01 && v >= sill.Bottom && v < sill.Bottom + 0.015)
            {
                shadow = Math.Min(shadow, 0.5);
            }
        }
        return Lit(WallAlbedo(scene, noise, u, v) * grime, scene, u, v, day, shadow);
    }

    private static LinearColor Glass(FacadeScene scene, FacadeWindow window, double u, double v, bool day)
    {
        var height = window.Glass.Bottom - window.Glass.Top;
        var width = window.Glass.Right - window.Glass.Left;
        var t = (v - window.Glass.Top) / height;
        var s = (u - window.Glass.Left) / width;
        // The recess shades the top and left edge of the glass from the sun (light comes from the upper left).
        var recess = t < 0.12 || s < 0.08 ? 0.45 : 1.0;
        var folds = 0.82 + 0.18 * Math.Sin(s * Math.PI * 6);
        if (window.Curtained)
        {
            return day
                ? window.Curtain * folds * (Sun * recess + SkyAmbient) * 0.6 + scene.SkyHorizon * 0.05
                : RoomLight * (window.Curtain * 0.6 + new LinearColor(0.4, 0.4, 0.4)) * folds * 0.9;
        }
        if (!day)
        {
            return NightSky + Spill(scene, u, v) * 0.15;
        }
        var sky = LinearColor.Lerp(scene.SkyZenith, scene.SkyHorizon, t) * 0.75 * (0.6 + 0.4 * recess);
        var streak = Math.Abs(Fraction(s * 1.2 + t * 0.8) - 0.5) < 0.08 ? 0.25 : 0.0;
        return sky + new LinearColor(streak, streak, streak);
    }

    /// <summary>A cross of glazing bars through the middle of the glass.</summary>
    private static bool IsMullion(Area glass, double u, double v)
    {
        var bar = (glass.Right - glass.Left) * 0.07;
        return Math.Abs(u - (glass.Left + glass.Right) / 2) < bar || Math.Abs(v - (glass.Top + glass.Bottom) * 0.5) < bar;
    }

    private static LinearColor WallAlbedo(FacadeScene scene, ValueNoise noise, double u, double v)
    {
        if (scene.Material == WallMaterial.Plaster)
        {
            return scene.Wall * (0.92 + 0.16 * noise.Fractal(u * 31, v * 31));
        }
        var rowHeight = 1.0 / scene.BrickRows;
        var row = Math.Floor(v / rowHeight);
        var brickWidth = rowHeight * 2.2;
        var shifted = u / brickWidth + (row % 2) * 0.5;
        var column = Math.Floor(shifted);
        var mortar = Fraction(v / rowHeight) < 0.14 || Fraction(shifted) < 0.06;
        if (mortar)
        {
            return scene.Mortar;
        }
        var tone = 0.85 + 0.3 * noise.Hash(column, row);
        return scene.Wall * tone;
    }

    private static LinearColor Lit(LinearColor albedo, FacadeScene scene, double u, double v, bool day, double sunShadow) =>
        day ? albedo * (Sun * sunShadow + SkyAmbient) : albedo * (Moon + Spill(scene, u, v));

    /// <summary>Night light falling on a surface from lit rooms and lamps, fading with distance.</summary>
    private static LinearColor Spill(FacadeScene scene, double u, double v)
    {
        var light = LinearColor.Black;
        foreach (var window in scene.Windows)
        {
            if (window.Curtained)
            {
                var d = window.Glass.DistanceTo(u, v) / WindowSpillRadius;
                light += RoomLight * (0.35 * Math.Exp(-d * d));
            }
        }
        foreach (var lamp in scene.Lamps)
        {
            var d = lamp.Bulb.DistanceTo(u, v) / LampSpillRadius;
            light += LampLight * (1.1 * Math.Exp(-d * d));
        }
        return light;
    }

    private static double Fraction(double x) => x - Math.Floor(x);
}
