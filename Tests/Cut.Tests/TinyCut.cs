using StyleForge.Plugins;
using StyleForge.Plugins.Cut;

namespace StyleForge.Cut.Tests;

/// <summary>A tiny CUT training setup (ngf 4, one block, 32 px) in its own temporary folder.</summary>
internal sealed class TinyCut : IDisposable
{
    public TinyCut()
    {
        Directory = Path.Combine(Path.GetTempPath(), "styleforge-cut-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Output(string name = "run") => Path.Combine(Directory, name);

    public static ITextureSet DomainA { get; } = new GeneratedTextures(0, (40, 36), (48, 40), (36, 44));
    public static ITextureSet DomainB { get; } = new GeneratedTextures(1, (44, 36), (36, 36));

    /// <summary>The declared defaults with the tiny model's settings and <paramref name="overrides"/> applied.</summary>
    public static OptionValues Options(params (string Name, string Value)[] overrides)
    {
        var values = new CutPlugin().Descriptor.Options.ToDictionary(o => o.Name, o => o.Default);
        foreach (var (name, value) in new[]
        {
            ("ngf", "4"), ("ndf", "4"), ("blocks", "1"), ("nce_layers", "0,4,7,10"), ("num_patches", "16"), ("netf_nc", "8"),
            ("crop_size", "32"), ("load_size", "36"), ("iterations", "6"), ("device", "cpu"), ("threads", "1"),
            ("sample_every", "1000"), ("checkpoint_every", "1000"),
        }.Concat(overrides))
        {
            values[name] = value;
        }
        return new OptionValues(values);
    }

    public TrainingResult Train(string output, OptionValues options, TestContext context, bool resume = false) =>
        new CutPlugin().Train(new TrainingRequest(DomainA, DomainB, output, resume, options), context);

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
