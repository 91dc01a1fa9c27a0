using StyleForge.Plugins.GanKit;

namespace StyleForge.Plugins.Cut;

/// <summary>
/// The options the plugin declares, named as the flags of Park et al.'s CUT code (cut_model.py, base_options.py,
/// train_options.py), lower-cased. Options whose default differs between CUT and FastCUT are empty by default and
/// take the mode's value. Plain data: reading them never loads libtorch.
/// </summary>
internal static class CutOptions
{
    public static IReadOnlyList<PluginOption> Declared { get; } =
    [
        new("mode", PluginOptionType.Choice, "cut",
            "cut (lambda_nce 1, identity NCE on, 200 + 200 epochs) or fastcut (lambda_nce 10, no identity NCE, flip equivariance, 150 + 50 epochs).")
        {
            Choices = ["cut", "fastcut"],
        },
        new("lambda_gan", PluginOptionType.Number, "1", "Weight of the adversarial loss GAN(G(X)).") { Minimum = 0 },
        new("lambda_nce", PluginOptionType.Number, "", "Weight of the PatchNCE loss NCE(G(X), X); empty: 1 for cut, 10 for fastcut.")
        {
            Minimum = 0,
            Optional = true,
        },
        GanOptions.LambdaChroma.Option,
        new("nce_idt", PluginOptionType.Boolean, "", "Also apply PatchNCE to G(Y) against Y (identity); empty: true for cut, false for fastcut.") { Optional = true },
        new("nce_layers", PluginOptionType.Text, "0,4,7,10,14",
            "Generator layers PatchNCE compares, ascending: the padded input, both downsampling convolutions, the first and fifth residual blocks (the reference's 0,4,8,12,16 on its antialiased generator)."),
        new("netf_nc", PluginOptionType.Integer, "256", "Units of the two-layer MLP that projects each sampled patch feature.") { Minimum = 1 },
        new("nce_t", PluginOptionType.Number, "0.07", "Temperature of the PatchNCE softmax.") { Minimum = 0.0001 },
        new("num_patches", PluginOptionType.Integer, "256", "Patch locations sampled per layer (the same locations in input and output).") { Minimum = 1 },
        new("flip_equivariance", PluginOptionType.Boolean, "", "Flip the input half the time and require the flipped output's features to match; empty: false for cut, true for fastcut.")
        {
            Optional = true,
        },
        new("ngf", PluginOptionType.Integer, "64", "Generator filters in the first layer (reference 64).") { Minimum = 1 },
        new("ndf", PluginOptionType.Integer, "64", "Discriminator filters in the first layer (reference 64).") { Minimum = 1 },
        new("blocks", PluginOptionType.Integer, "9", "Residual blocks in the generator (reference resnet_9blocks).") { Minimum = 1 },
        new("upsample", PluginOptionType.Choice, "transpose",
            "Generator upsampling: transpose (stride-2 transposed convolutions) or resize (nearest 2x resize then a 3x3 conv, no checkerboard grid).")
        {
            Choices = ["transpose", "resize"],
        },
        GanOptions.Head.Option,
        GanOptions.DiscriminatorLayers.Option,
        GanOptions.GanLoss.Option,
        new("init_type", PluginOptionType.Choice, "xavier", "Weight init with gain 0.02: xavier (the CUT reference) or normal (CycleGAN's).")
        {
            Choices = ["xavier", "normal"],
        },
        new("lr", PluginOptionType.Number, "0.0002", "Adam learning rate before decay (generator, discriminator and MLP).") { Minimum = 0 },
        GanOptions.Beta1.Option,
        new("epochs", PluginOptionType.Integer, "", "Epochs at the initial learning rate; empty: 200 for cut, 150 for fastcut.") { Minimum = 0, Optional = true },
        new("decay_epochs", PluginOptionType.Integer, "", "Epochs of linear decay to 0 after that; empty: 200 for cut, 50 for fastcut.") { Minimum = 0, Optional = true },
        GanOptions.Iterations.Option,
        GanOptions.BatchSize.Option,
        GanOptions.LoadSize.Option,
        GanOptions.CropSize.Option,
        new("flip", PluginOptionType.Boolean, "true", "Flip crops horizontally at random (data augmentation)."),
        GanOptions.EmaDecay.Option,
        GanOptions.CheckpointEvery.Option,
        GanOptions.SampleEvery.Option,
        GanOptions.SnapshotEvery.Option,
        GanOptions.Device.Option,
        new("threads", PluginOptionType.Integer, "0", "CPU threads; 0 uses every core.") { Minimum = 0 },
        GanOptions.Upscale.Option,
    ];
}
