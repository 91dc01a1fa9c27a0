using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace StyleForge.Windows.Tests;

/// <summary>
/// The self-contained win-x64 publish, run under Wine: the CLI verbs with Windows paths (drive letter,
/// backslashes), both in-tree plugins loaded from the published folder, and libtorch's Windows build.
/// </summary>
[Collection(WindowsBuildCollection.Name)]
public sealed class WineCliTests(WindowsBuild build)
{
    [SkippableFact]
    public void Help_prints_the_verbs()
    {
        WindowsBuild.RequireWine();

        var (exit, output, error) = Wine.Run(build, ["--help"]);

        Assert.True(exit == 0, error);
        Assert.Contains("convert", output);
        Assert.Contains("train", output);
    }

    [SkippableFact]
    public void Plugins_finds_both_in_tree_plugins_in_the_published_folder()
    {
        WindowsBuild.RequireWine();

        var (exit, output, error) = Wine.Run(build, ["plugins"]);

        Assert.True(exit == 0, error);
        // Spectre wraps long lines at the console width, so the paths are checked without line breaks.
        var flat = output.Replace("\r", "").Replace("\n", "");
        Assert.Contains(Wine.PathOf(Path.Combine(build.Folder, "plugins", "ColorTransfer", "ColorTransfer.dll")), flat);
        Assert.Contains(Wine.PathOf(Path.Combine(build.Folder, "plugins", "CycleGan", "CycleGan.dll")), flat);
    }

    [SkippableFact]
    public void A_pipeline_with_windows_paths_validates_and_runs_with_colortransfer_and_convert_reuses_its_model_past_max_path()
    {
        WindowsBuild.RequireWine();
        using var folder = new TempFolder();
        // Given a pipeline whose run folder is a Windows path, in the YAML file and again through --set
        var pipeline = folder.Write("quick.yaml", $$"""
            name: quick
            run_dir: '{{Wine.PathOf(folder.Combine("unused"))}}'
            steps:
              - kind: sample
                count: 4
                test_count: 2
                size: 24
              - kind: train
                plugin: colortransfer
                a: "{run}/data/trainA"
                b: "{run}/data/trainB"
              - kind: convert
                input: '{run}\data\testA'
                output: '{run}\converted\testA'
            """);
        var run = folder.Combine("run");
        string[] set = ["--set", $"run_dir={Wine.PathOf(run)}"];

        // When it is validated and run under Wine
        var validated = Wine.Run(build, ["validate", Wine.PathOf(pipeline), .. set]);
        var ran = Wine.Run(build, ["run", Wine.PathOf(pipeline), .. set]);

        // Then both succeed and every held-out texture was converted into the run folder the override named
        Assert.True(validated.Exit == 0, validated.Error + validated.Output);
        Assert.True(ran.Exit == 0, ran.Error + ran.Output);
        Assert.False(Directory.Exists(folder.Combine("unused")));
        AssertConverted(folder.Combine("run", "data", "testA"), folder.Combine("run", "converted", "testA"), 2);

        // When convert runs on its own with the trained ColorTransfer model, into a folder whose files' paths are
        // longer than Windows' classic 260-character MAX_PATH
        var output = folder.Combine(new string('l', 120), new string('o', 120), "again");
        Assert.True(Wine.PathOf(Path.Combine(output, "facade_0000.png")).Length > 260);
        var converted = Wine.Run(build,
            ["convert", "--model", Wine.PathOf(folder.Combine("run", "model")), "--input", Wine.PathOf(folder.Combine("run", "data", "testA")), "--output", Wine.PathOf(output)]);

        // Then it writes the same files there (.NET lifts the limit itself, no manifest or registry setting needed)
        Assert.True(converted.Exit == 0, converted.Error + converted.Output);
        AssertConverted(folder.Combine("run", "data", "testA"), output, 2);

        // When it runs again with --force, Then each output is replaced by the atomic rename (File.Move over an existing file)
        var before = File.GetLastWriteTimeUtc(Path.Combine(output, "facade_0000.png"));
        var again = Wine.Run(build,
            ["convert", "--model", Wine.PathOf(folder.Combine("run", "model")), "--input", Wine.PathOf(folder.Combine("run", "data", "testA")), "--output", Wine.PathOf(output), "--force"]);
        Assert.True(again.Exit == 0, again.Error + again.Output);
        Assert.True(File.GetLastWriteTimeUtc(Path.Combine(output, "facade_0000.png")) > before);
        Assert.Empty(Directory.GetFiles(output, "*.sf-partial"));
        AssertConverted(folder.Combine("run", "data", "testA"), output, 2);
    }

    [SkippableFact]
    public void Cyclegan_trains_with_the_windows_libtorch_and_its_model_converts()
    {
        WindowsBuild.RequireWine();
        using var folder = new TempFolder();
        var data = folder.Combine("data");
        var sampled = Wine.Run(build, ["sample", "daynight", "--out", Wine.PathOf(data), "--count", "4", "--test-count", "2", "--size", "32"]);
        Assert.True(sampled.Exit == 0, sampled.Error);

        // When CycleGAN trains two iterations of a tiny model on the CPU, in libtorch's win-x64 build
        var trained = Wine.Run(build,
        [
            "train", "--plugin", "cyclegan", "--a", Wine.PathOf(Path.Combine(data, "trainA")), "--b", Wine.PathOf(Path.Combine(data, "trainB")),
            "--out", Wine.PathOf(folder.Combine("run")), "--set", "iterations=2", "--set", "ngf=4", "--set", "ndf=4", "--set", "blocks=1",
            "--set", "load_size=32", "--set", "crop_size=32", "--set", "threads=1", "--set", "device=cpu", "--set", "pool_size=2",
        ]);

        // Then the run finishes without warnings (the loss plot reads losses.csv while the log holds it open,
        // which Windows refuses unless the reader shares write access) and its model converts the test set
        Assert.True(trained.Exit == 0, trained.Error + trained.Output);
        Assert.DoesNotContain("warning", trained.Error + trained.Output);
        Assert.True(File.Exists(folder.Combine("run", "losses.png")));
        var converted = Wine.Run(build,
            ["convert", "--model", Wine.PathOf(folder.Combine("run")), "--input", Wine.PathOf(Path.Combine(data, "testA")), "--output", Wine.PathOf(folder.Combine("out"))]);
        Assert.True(converted.Exit == 0, converted.Error + converted.Output);
        AssertConverted(Path.Combine(data, "testA"), folder.Combine("out"), 2);
    }

    /// <summary>Each input has an output of the same size, and the outputs are not the inputs unchanged.</summary>
    private static void AssertConverted(string inputFolder, string outputFolder, int expected)
    {
        var inputs = Directory.GetFiles(inputFolder, "*.png").Order().ToArray();
        Assert.Equal(expected, inputs.Length);
        var changed = 0;
        foreach (var input in inputs)
        {
            var output = Path.Combine(outputFolder, Path.GetFileName(input));
            Assert.True(File.Exists(output), $"{output} was not written");
            using var before = Image.Load<Rgba32>(input);
            using var after = Image.Load<Rgba32>(output);
            Assert.Equal((before.Width, before.Height), (after.Width, after.Height));
            changed += Differs(before, after) ? 1 : 0;
        }
        Assert.Equal(expected, changed);
    }

    private static bool Differs(Image<Rgba32> a, Image<Rgba32> b)
    {
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                if (a[x, y] != b[x, y])
                {
                    return true;
                }
            }
        }
        return false;
    }
}
