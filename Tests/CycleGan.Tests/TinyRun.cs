using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan;
using StyleForge.Plugins.GanKit.Reporting;

namespace StyleForge.CycleGan.Tests;

/// <summary>A tiny CycleGAN training setup (ngf 4, one block, 32 px) in its own temporary folder.</summary>
internal sealed class TinyRun : IDisposable
{
    public TinyRun()
    {
        Directory = Path.Combine(Path.GetTempPath(), "styleforge-cyclegan-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Output(string name = "run") => Path.Combine(Directory, name);

    /// <summary>The cells of a run's losses.csv, the header row first.</summary>
    public static string[][] LossRows(string output) =>
        File.ReadAllLines(Path.Combine(output, LossLog.FileName)).Select(l => l.Split(',')).ToArray();

    public static ITextureSet DomainA { get; } = new GeneratedTextures(0, (40, 36), (48, 40), (36, 44));
    public static ITextureSet DomainB { get; } = new GeneratedTextures(1, (44, 36), (36, 36));

    /// <summary>The declared defaults with the tiny model's settings and <paramref name="overrides"/> applied.</summary>
    public static OptionValues Options(params (string Name, string Value)[] overrides)
    {
        var values = new CycleGanPlugin().Descriptor.Options.ToDictionary(o => o.Name, o => o.Default);
        foreach (var (name, value) in new[]
        {
            ("ngf", "4"), ("ndf", "4"), ("blocks", "1"), ("crop_size", "32"), ("load_size", "36"),
            ("iterations", "6"), ("pool_size", "3"), ("device", "cpu"), ("threads", "1"), ("sample_every", "1000"), ("checkpoint_every", "1000"),
        }.Concat(overrides))
        {
            values[name] = value;
        }
        return new OptionValues(values);
    }

    public TrainingResult Train(string output, OptionValues options, TestContext context, bool resume = false) =>
        new CycleGanPlugin().Train(new TrainingRequest(DomainA, DomainB, output, resume, options), context);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test; the OS cleans the temp folder.
        }
    }
}
