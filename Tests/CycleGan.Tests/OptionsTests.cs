using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan;
using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Options;
using StyleForge.Plugins.GanKit.Training;

namespace StyleForge.CycleGan.Tests;

/// <summary>The declared options carry the names scripts rely on and the reference's defaults.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Descriptor_declares_the_documented_option_names_with_reference_defaults()
    {
        // Given the plugin's descriptor
        var descriptor = new CycleGanPlugin().Descriptor;
        var defaults = descriptor.Options.ToDictionary(o => o.Name, o => o.Default);

        // Then it is named cyclegan, has exactly these options, and the defaults are the reference's
        Assert.Equal("cyclegan", descriptor.Name);
        Assert.Equal(
            ["ngf", "ndf", "blocks", "upsample", "head", "d_layers", "d_scales", "gan_loss", "lambda_a", "lambda_b", "cycle_decay", "lambda_identity", "lambda_chroma", "pool_size", "lr", "beta1",
             "epochs", "decay_epochs", "iterations", "batch_size", "load_size", "crop_size", "flip", "ema_decay", "checkpoint_every",
             "sample_every", "snapshot_every", "device", "threads", "upscale"],
            descriptor.Options.Select(o => o.Name));
        var settings = TrainingSettings.From(new OptionValues(defaults));
        Assert.Equal((64, 64, 9, 3), (settings.Ngf, settings.Ndf, settings.Blocks, settings.DiscriminatorLayers));
        Assert.Equal((GeneratorUpsampling.Transpose, GeneratorHead.Direct, 1), (settings.Upsample, settings.Head, settings.DiscriminatorScales));
        Assert.Equal((GanLossKind.Lsgan, 10.0, 10.0, 0.5, 50), (settings.GanLoss, settings.LambdaA, settings.LambdaB, settings.LambdaIdentity, settings.PoolSize));
        Assert.Equal(0.0, settings.LambdaChroma);
        Assert.Equal((0.0002, 0.5, 100, 100, (long?)null), (settings.LearningRate, settings.Beta1, settings.Epochs, settings.DecayEpochs, settings.Iterations));
        Assert.Equal((1, 286, 256, true), (settings.BatchSize, settings.LoadSize, settings.CropSize, settings.Flip));
        Assert.Equal((0, 0.0), (settings.SnapshotEvery, settings.EmaDecay));
    }

    [Theory]
    [InlineData("crop_size", "30", "crop_size=30")]
    [InlineData("load_size", "16", "load_size=16 is smaller than crop_size=32")]
    [InlineData("d_scales", "2", "d_scales=2 with crop_size=32: the second scale sees 16 px and a 3-layer PatchGAN needs at least 24")]
    public void Invalid_combinations_are_refused_naming_the_option(string name, string value, string expected)
    {
        // When settings are read with an invalid value, then the error names the option and value
        var error = Assert.Throws<PluginException>(() => TrainingSettings.From(TinyRun.Options((name, value))));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_resume_check_covers_exactly_the_options_that_shape_networks_data_or_schedule()
    {
        // Given the defaults, when the values a checkpoint must share are derived from the declarations
        var resume = CycleGanOptions.ResumeSensitive(TinyRun.Options());

        // Then they are these, in declaration order: output cadence, device and threads may change on resume
        Assert.Equal(
            ["ngf", "ndf", "blocks", "upsample", "head", "d_layers", "d_scales", "gan_loss", "lambda_a", "lambda_b", "cycle_decay", "lambda_identity", "lambda_chroma", "pool_size", "lr", "beta1",
             "epochs", "decay_epochs", "iterations", "batch_size", "load_size", "crop_size", "flip", "ema_decay"],
            resume.Select(r => r.Option));
        Assert.Equal("(replaced by iterations)", resume.Single(r => r.Option == "epochs").Value);
        Assert.Equal("(not set)", CycleGanOptions.ResumeSensitive(TinyRun.Options(("iterations", ""))).Single(r => r.Option == "iterations").Value);
    }

    [Fact]
    public void Resume_values_are_compared_in_one_spelling_and_missing_ones_are_the_default()
    {
        // Given the same learning rate written two ways, and values from before upsample, head, d_scales, ema_decay and lambda_chroma existed
        var plain = CycleGanOptions.ResumeSensitive(TinyRun.Options(("lr", "0.0002")));
        var exponent = CycleGanOptions.ResumeSensitive(TinyRun.Options(("lr", "2e-4")));
        var old = TinyRun.Options().All.Where(v => v.Key is not ("upsample" or "head" or "d_scales" or "ema_decay" or "lambda_chroma")).ToDictionary(v => v.Key, v => v.Value);

        // Then both spellings agree, and the old values read as the reference's transpose, direct head and single scale,
        // without an average or the chroma term
        Assert.Equal(plain, exponent);
        Assert.Equal(plain, CycleGanOptions.ResumeSensitive(new OptionValues(old)));
        var settings = TrainingSettings.From(new OptionValues(old));
        Assert.Equal((GeneratorUpsampling.Transpose, GeneratorHead.Direct, 1, 0.0, 0.0),
            (settings.Upsample, settings.Head, settings.DiscriminatorScales, settings.EmaDecay, settings.LambdaChroma));
    }

    [Fact]
    public void The_docs_table_lists_every_option_with_its_declared_default()
    {
        // Given the options table of docs/cyclegan.md (a row may name several options: `lambda_a`, `lambda_b` | 10, 10 | must match)
        var docs = File.ReadAllLines(Path.Combine(RepoRoot.Path, "docs", "cyclegan.md"));
        var table = new Dictionary<string, string>();
        var resume = new Dictionary<string, bool>();
        var convert = new Dictionary<string, bool>();
        foreach (var row in docs.SkipWhile(l => l != "## Options").TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal) || l == "## Options")
                     .Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            var names = cells[1].Split(',', StringSplitOptions.TrimEntries).Select(n => n.Trim('`')).ToList();
            var defaults = cells[2].Split(',', StringSplitOptions.TrimEntries);
            for (var i = 0; i < names.Count; i++)
            {
                table[names[i]] = defaults.Length == names.Count ? defaults[i] : cells[2];
                resume[names[i]] = cells[3] == "must match";
                convert[names[i]] = cells[3].EndsWith("read by convert", StringComparison.Ordinal);
            }
        }

        // Then every declared option has a row, no row names an undeclared option, and the defaults and resume rule agree
        var declared = CycleGanOptions.Declared.ToDictionary(o => o.Name, o => o.Default);
        Assert.Equal(declared.Keys.Order(), table.Keys.Order());
        foreach (var (name, value) in declared)
        {
            var documented = table[name];
            Assert.True(value.Length == 0 ? documented == "(unset)" : documented == value,
                $"docs/cyclegan.md gives {name} the default '{documented}', the plugin declares '{value}'");
        }
        var mustMatch = CycleGanOptions.ResumeSensitive(TinyRun.Options()).Select(r => r.Option).Order();
        Assert.Equal(mustMatch, resume.Where(r => r.Value).Select(r => r.Key).Order());
        var readByConvert = CycleGanOptions.All.Where(o => o.Use.HasFlag(OptionUse.Inference)).Select(o => o.Name).Order();
        Assert.Equal(readByConvert, convert.Where(r => r.Value).Select(r => r.Key).Order());
    }
}
