using StyleForge.Plugins.GanKit;

namespace StyleForge.Plugins.CycleGan;

/// <summary>
/// The options the plugin declares, with the reference CycleGAN's defaults (Zhu et al. 2017,
/// train_options.py and base_options.py). Plain data: reading them never loads libtorch.
/// </summary>
internal static class CycleGanOptions
{
    public static IReadOnlyList<PluginOption> Declared { get; } =
    [
        new("ngf", PluginOptionType.Integer, "64", "Generator filters in the first layer (reference 64).") { Minimum = 1 },
        new("ndf", PluginOptionType.Integer, "64", "Discriminator filters in the first layer (reference 64).") { Minimum = 1 },
        new("blocks", PluginOptionType.Integer, "9", "Residual blocks in each generator: 9 for 256 px, 6 for 128 px.") { Minimum = 1 },
        new("upsample", PluginOptionType.Choice, "transpose",
            "Generator upsampling: transpose (stride-2 transposed convolutions, the reference; for parity and imported weights) or resize (nearest 2x resize then a 3x3 conv, no built-in checkerboard grid).")
        {
            Choices = ["transpose", "resize"],
        },
        GanOptions.DiscriminatorLayers,
        new("d_scales", PluginOptionType.Integer, "1",
            "Discriminator scales: 1 is the reference; 2 adds a second PatchGAN on a 2x average-pooled copy (pix2pixHD), losses averaged.")
        {
            Minimum = 1,
            Maximum = 2,
        },
        GanOptions.GanLoss,
        new("lambda_a", PluginOptionType.Number, "10", "Weight of the cycle loss A -> B -> A.") { Minimum = 0 },
        new("lambda_b", PluginOptionType.Number, "10", "Weight of the cycle loss B -> A -> B.") { Minimum = 0 },
        new("lambda_identity", PluginOptionType.Number, "0.5", "Identity loss weight, relative to lambda_a and lambda_b; 0 turns it off.") { Minimum = 0 },
        new("pool_size", PluginOptionType.Integer, "50", "Generated images kept to train the discriminators on older fakes; 0 turns the pool off.") { Minimum = 0 },
        new("lr", PluginOptionType.Number, "0.0002", "Adam learning rate before decay.") { Minimum = 0 },
        GanOptions.Beta1,
        new("epochs", PluginOptionType.Integer, "100", "Epochs at the initial learning rate; an epoch is one pass over the larger domain.") { Minimum = 0 },
        new("decay_epochs", PluginOptionType.Integer, "100", "Epochs of linear decay of the learning rate to 0 after that.") { Minimum = 0 },
        GanOptions.Iterations,
        GanOptions.BatchSize,
        GanOptions.LoadSize,
        GanOptions.CropSize,
        new("flip", PluginOptionType.Boolean, "true", "Flip crops horizontally at random."),
        GanOptions.CheckpointEvery,
        GanOptions.SampleEvery,
        GanOptions.Device,
        new("threads", PluginOptionType.Integer, "0", "CPU threads; 0 uses every core. Training runs its two halves side by side on a CPU with 2 or more.") { Minimum = 0 },
    ];
}
