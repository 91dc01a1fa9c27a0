using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan;
using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit.Model;
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
            ["ngf", "ndf", "blocks", "upsample", "d_layers", "d_scales", "gan_loss", "lambda_a", "lambda_b", "lambda_identity", "pool_size", "lr", "beta1",
             "epochs", "decay_epochs", "iterations", "batch_size", "load_size", "crop_size", "flip", "checkpoint_every",
             "sample_every", "device", "threads"],
            descriptor.Options.Select(o => o.Name));
        var settings = TrainingSettings.From(new OptionValues(defaults));
        Assert.Equal((64, 64, 9, 3), (settings.Ngf, settings.Ndf, settings.Blocks, settings.DiscriminatorLayers));
        Assert.Equal((GeneratorUpsampling.Transpose, 1), (settings.Upsample, settings.DiscriminatorScales));
        Assert.Equal((GanLossKind.Lsgan, 10.0, 10.0, 0.5, 50), (settings.GanLoss, settings.LambdaA, settings.LambdaB, settings.LambdaIdentity, settings.PoolSize));
        Assert.Equal((0.0002, 0.5, 100, 100, (long?)null), (settings.LearningRate, settings.Beta1, settings.Epochs, settings.DecayEpochs, settings.Iterations));
        Assert.Equal((1, 286, 256, true), (settings.BatchSize, settings.LoadSize, settings.CropSize, settings.Flip));
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
}
