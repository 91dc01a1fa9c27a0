using System.IO.Hashing;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;
using StyleForge.Plugins;

namespace StyleForge.Engine.Sampling;

/// <summary>
/// The built-in day/night data set. trainA holds day renders and trainB night renders of disjoint
/// scenes, so training is truly unpaired; testA holds day renders of held-out scenes and
/// testB_truth the same scenes at night, used only for scoring; testB_lights holds where the light is in each truth
/// (<see cref="LightMask"/>), for the light metrics.
/// </summary>
public static class DayNightSample
{
    public const string Kind = "daynight";
    public const string TrainA = "trainA";
    public const string TrainB = "trainB";
    public const string TestA = "testA";
    public const string TestTruth = "testB_truth";
    public const string TestLights = "testB_lights";

    /// <summary>Every texture of the set, in a fixed order. Scene ids are numbered across all folders, so no two folders share a scene except testA and its truth.</summary>
    public static IReadOnlyList<SampleFile> Plan(SampleParameters parameters)
    {
        var files = new List<SampleFile>();
        var sceneId = 0UL;
        var baseSeed = SceneRandom.Mix((ulong)(uint)parameters.Seed ^ 0xDA7A5E7UL);
        // Mix is a bijection, so distinct scene ids give distinct scene seeds.
        ulong NextScene() => SceneRandom.Mix(baseSeed + sceneId++);
        for (var i = 0; i < parameters.TrainCount; i++)
        {
            files.Add(new SampleFile($"{TrainA}/facade_{i:D4}.png", NextScene(), SceneLighting.Day));
        }
        for (var i = 0; i < parameters.TrainCount; i++)
        {
            files.Add(new SampleFile($"{TrainB}/facade_{i:D4}.png", NextScene(), SceneLighting.Night));
        }
        for (var i = 0; i < parameters.TestCount; i++)
        {
            var scene = NextScene();
            files.Add(new SampleFile($"{TestA}/facade_{i:D4}.png", scene, SceneLighting.Day));
            files.Add(new SampleFile($"{TestTruth}/facade_{i:D4}.png", scene, SceneLighting.Night));
        }
        return files;
    }

    /// <summary>
    /// Writes the set into <paramref name="directory"/> unless it already holds exactly this content
    /// (same parameters in the manifest, same file hash). Returns true when it generated.
    /// </summary>
    public static bool Generate(string directory, SampleParameters parameters, IProgress<PluginProgress> progress, CancellationToken cancellation)
    {
        var plan = Plan(parameters);
        var existing = SampleManifest.Read(directory);
        if (existing is not null && existing.Matches(Kind, parameters) && existing.ContentHash == HashFiles(directory, plan))
        {
            return false;
        }
        foreach (var folder in new[] { TrainA, TrainB, TestA, TestTruth, TestLights })
        {
            var path = Path.Combine(directory, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        var done = 0L;
        var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(plan, options, file =>
        {
            var scene = FacadeScene.Generate(file.SceneSeed);
            var texture = FacadeRenderer.Render(scene, parameters.Size, file.Lighting);
            AtomicFile.Write(Path.Combine(directory, file.RelativePath), stream => TextureCodec.SavePng(texture, stream));
            if (LightMaskPath(file) is { } mask)
            {
                LightMask.For(scene, parameters.Size).Write(Path.Combine(directory, mask));
            }
            var current = Interlocked.Increment(ref done);
            lock (progress)
            {
                progress.Report(new PluginProgress("render", current, plan.Count, new Dictionary<string, double>()));
            }
        });
        SampleManifest.For(Kind, parameters, plan.Count, HashFiles(directory, plan)).Write(directory);
        return true;
    }

    /// <summary>The light masks beside a truth folder (its sibling testB_lights), or null when there are none.</summary>
    public static string? LightsBeside(string truthDirectory)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(truthDirectory)));
        var lights = parent is null ? null : Path.Combine(parent, TestLights);
        return lights is not null && Directory.Exists(lights) ? lights : null;
    }

    /// <summary>testB_lights/facade_0000.json for the truth testB_truth/facade_0000.png; null for every other file.</summary>
    public static string? LightMaskPath(SampleFile file) =>
        file.RelativePath.StartsWith(TestTruth + "/", StringComparison.Ordinal)
            ? TestLights + Path.ChangeExtension(file.RelativePath[TestTruth.Length..], LightMask.Extension)
            : null;

    /// <summary>XxHash64 over every planned file's path and bytes, light masks included; "missing" when any file is absent.</summary>
    public static string HashFiles(string directory, IReadOnlyList<SampleFile> plan)
    {
        var hash = new XxHash64();
        foreach (var relative in plan.SelectMany(f => LightMaskPath(f) is { } mask ? new[] { f.RelativePath, mask } : [f.RelativePath]))
        {
            var path = Path.Combine(directory, relative);
            if (!File.Exists(path))
            {
                return "missing";
            }
            hash.Append(System.Text.Encoding.UTF8.GetBytes(relative));
            hash.Append(File.ReadAllBytes(path));
        }
        return Convert.ToHexString(hash.GetCurrentHash()).ToLowerInvariant();
    }
}
