using StyleForge.Engine.Sampling;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.EndToEnd.Tests;

public sealed class SampleDataTests
{
    private static readonly IProgress<PluginProgress> NoProgress = new Progress<PluginProgress>();

    [Fact]
    public void The_same_seed_renders_the_same_pixels_and_another_seed_does_not()
    {
        var first = FacadeRenderer.Render(FacadeScene.Generate(42), 32, SceneLighting.Night);
        var again = FacadeRenderer.Render(FacadeScene.Generate(42), 32, SceneLighting.Night);
        var other = FacadeRenderer.Render(FacadeScene.Generate(43), 32, SceneLighting.Night);

        Assert.Equal(first.Pixels, again.Pixels);
        Assert.NotEqual(first.Pixels, other.Pixels);
    }

    [Fact]
    public void Training_folders_hold_disjoint_scenes_and_the_test_truth_pairs_with_the_test_inputs()
    {
        var plan = DayNightSample.Plan(new SampleParameters(32, 50, 10, 3));
        HashSet<ulong> Scenes(string folder) => plan.Where(f => f.RelativePath.StartsWith(folder + "/", StringComparison.Ordinal)).Select(f => f.SceneSeed).ToHashSet();

        var trainA = Scenes(DayNightSample.TrainA);
        var trainB = Scenes(DayNightSample.TrainB);
        var testA = Scenes(DayNightSample.TestA);
        Assert.Equal(50, trainA.Count);
        Assert.Equal(50, trainB.Count);
        Assert.Empty(trainA.Intersect(trainB));
        Assert.Empty(testA.Intersect(trainA.Union(trainB)));
        Assert.Equal(testA, Scenes(DayNightSample.TestTruth));
        Assert.All(plan.Where(f => f.RelativePath.StartsWith(DayNightSample.TestTruth, StringComparison.Ordinal)), truth =>
            Assert.Contains(plan, input => input.RelativePath == DayNightSample.TestA + truth.RelativePath[DayNightSample.TestTruth.Length..]
                && input.SceneSeed == truth.SceneSeed && input.Lighting == SceneLighting.Day));
    }

    [Fact]
    public void Curtained_rooms_are_lit_at_night_and_bare_glass_stays_dark()
    {
        // Given a scene with both kinds of window (the day image shows curtains or sky in the glass).
        var scene = Enumerable.Range(0, 200).Select(s => FacadeScene.Generate((ulong)s))
            .First(s => s.Windows.Any(w => w.Curtained) && s.Windows.Any(w => !w.Curtained));
        const int size = 128;
        var night = FacadeRenderer.Render(scene, size, SceneLighting.Night);
        double Brightness(FacadeWindow window)
        {
            // A quarter of the way in, clear of the glazing bars through the middle.
            var x = (int)((window.Glass.Left * 0.7 + window.Glass.Right * 0.3) * size);
            var y = (int)((window.Glass.Top * 0.65 + window.Glass.Bottom * 0.35) * size);
            return Enumerable.Range(0, 3).Sum(c => night.Pixels[night.IndexOf(x, y, c)]);
        }

        var darkestLit = scene.Windows.Where(w => w.Curtained).Min(Brightness);
        var brightestDark = scene.Windows.Where(w => !w.Curtained).Max(Brightness);

        Assert.True(darkestLit > brightestDark + 0.5, $"lit {darkestLit:0.00} vs unlit {brightestDark:0.00}");
    }

    [Fact]
    public void Lamp_light_makes_equal_day_colours_differ_at_night_so_no_global_colour_map_can_produce_it()
    {
        // Given a plaster wall (nearly flat colour) with a lamp: compare the wall just beside the lamp with wall far from it.
        var scene = Enumerable.Range(0, 500).Select(s => FacadeScene.Generate((ulong)s))
            .First(s => s.Material == WallMaterial.Plaster && s.Lamps.Length > 0 && s.Windows.All(w => !w.Curtained || w.Glass.Top > 0.5));
        const int size = 128;
        var day = FacadeRenderer.Render(scene, size, SceneLighting.Day);
        var night = FacadeRenderer.Render(scene, size, SceneLighting.Night);
        var lamp = scene.Lamps[0].Fixture;
        var belowLamp = Enumerable.Range(2, 8).Select(k => ((lamp.Left + lamp.Right) / 2, lamp.Bottom + 0.01 * k));
        var nearCornice = Enumerable.Range(0, 100).Select(k => (0.01 * k, scene.CorniceBottom + 0.05));
        var near = FindWall(scene, belowLamp, size);
        var far = FindWall(scene, nearCornice, size);
        double Luma(TextureBuffer t, (int X, int Y) p) => Enumerable.Range(0, 3).Sum(c => t.Pixels[t.IndexOf(p.X, p.Y, c)]) / 3;

        var dayRatio = Luma(day, near) / Luma(day, far);
        var nightRatio = Luma(night, near) / Luma(night, far);

        Assert.InRange(dayRatio, 0.8, 1.25);
        Assert.True(nightRatio > 2, $"night ratio {nightRatio:0.00}: the lamp should light the wall beside it");
    }

    /// <summary>The first candidate point (in texture space) that is bare wall, as a pixel.</summary>
    private static (int X, int Y) FindWall(FacadeScene scene, IEnumerable<(double U, double V)> candidates, int size)
    {
        foreach (var (u, v) in candidates)
        {
            var covered = scene.Windows.Any(w => w.Frame.DistanceTo(u, v) < 0.03) || scene.Lamps.Any(l => l.Fixture.DistanceTo(u, v) < 0.005)
                || scene.Door is { } d && d.DistanceTo(u, v) < 0.02 || v >= scene.GroundTop;
            if (!covered)
            {
                return ((int)(u * size), (int)(v * size));
            }
        }
        throw new InvalidOperationException("no bare wall among the candidates");
    }

    [Fact]
    public void A_second_generation_with_the_same_parameters_is_skipped_until_the_content_changes()
    {
        using var folder = new TempFolder();
        var parameters = new SampleParameters(16, 3, 2, 1);

        Assert.True(DayNightSample.Generate(folder.Path, parameters, NoProgress, CancellationToken.None));
        Assert.Equal(3 + 3 + 2 + 2, Directory.EnumerateFiles(folder.Path, "*.png", SearchOption.AllDirectories).Count());
        Assert.False(DayNightSample.Generate(folder.Path, parameters, NoProgress, CancellationToken.None));

        // When a file is damaged, the hash no longer matches and the set is rewritten.
        var damaged = Path.Combine(folder.Path, DayNightSample.TrainA, "facade_0000.png");
        var original = File.ReadAllBytes(damaged);
        File.WriteAllBytes(damaged, new byte[] { 1, 2, 3 });
        Assert.True(DayNightSample.Generate(folder.Path, parameters, NoProgress, CancellationToken.None));
        Assert.Equal(original, File.ReadAllBytes(damaged));

        // And other parameters regenerate too.
        Assert.True(DayNightSample.Generate(folder.Path, parameters with { Seed = 2 }, NoProgress, CancellationToken.None));
    }

    [Fact]
    public void Each_held_out_truth_gets_a_light_mask_from_its_scene_beside_testB_truth()
    {
        // Given a small set with three held-out scenes.
        using var folder = new TempFolder();
        var parameters = new SampleParameters(64, 2, 3, 5);

        DayNightSample.Generate(folder.Path, parameters, NoProgress, CancellationToken.None);

        // Then every truth has a mask at the same relative path under testB_lights, and it says what the scene says.
        var truths = DayNightSample.Plan(parameters).Where(f => f.RelativePath.StartsWith(DayNightSample.TestTruth + "/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, truths.Count);
        Assert.Equal(3, Directory.EnumerateFiles(Path.Combine(folder.Path, DayNightSample.TestLights), "*" + LightMask.Extension).Count());
        foreach (var truth in truths)
        {
            var scene = FacadeScene.Generate(truth.SceneSeed);
            var mask = LightMask.Read(Path.Combine(folder.Path, DayNightSample.TestLights, Path.ChangeExtension(Path.GetFileName(truth.RelativePath), LightMask.Extension)));
            Assert.Equal((64, 64), (mask.Width, mask.Height));
            Assert.Equal(scene.Windows.Select(w => w.Curtained), mask.Windows.Select(w => w.Lit));
            Assert.Equal(scene.Lamps.Length, mask.Glow.Count);
            var first = scene.Windows[0].Glass;
            var glass = mask.Windows[0].Glass;
            Assert.True(glass.Contains((int)(first.Left * 64) + 1, (int)(first.Top * 64) + 1));
            Assert.False(glass.Contains((int)(first.Left * 64) - 2, (int)(first.Top * 64) + 1));
        }
    }

    [Fact]
    public void A_missing_light_mask_regenerates_the_set()
    {
        using var folder = new TempFolder();
        var parameters = new SampleParameters(16, 1, 2, 1);
        DayNightSample.Generate(folder.Path, parameters, NoProgress, CancellationToken.None);

        File.Delete(Path.Combine(folder.Path, DayNightSample.TestLights, "facade_0001" + LightMask.Extension));

        Assert.True(DayNightSample.Generate(folder.Path, parameters, NoProgress, CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(folder.Path, DayNightSample.TestLights, "facade_0001" + LightMask.Extension)));
    }

    [Fact]
    public void A_lamp_glow_covers_the_bulb_and_the_wall_its_light_reaches_but_not_the_far_side_of_the_texture()
    {
        var scene = Enumerable.Range(0, 200).Select(s => FacadeScene.Generate((ulong)s)).First(s => s.Lamps.Length == 1);
        const int size = 128;
        var mask = LightMask.For(scene, size);
        var bulb = scene.Lamps[0].Bulb;
        var (x, y) = ((int)((bulb.Left + bulb.Right) / 2 * size), (int)((bulb.Top + bulb.Bottom) / 2 * size));

        Assert.True(mask.IsGlow(x, y));
        Assert.True(mask.IsGlow(x, y + (int)(FacadeRenderer.LampSpillRadius * size * 0.9)));
        Assert.False(mask.IsGlow(x, y - (int)(FacadeRenderer.LampSpillRadius * size * 1.5)));
    }
}
