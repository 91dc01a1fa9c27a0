using StyleForge.Plugins.GanKit;
using StyleForge.Plugins.GanKit.Options;

namespace StyleForge.Plugins.CycleGan;

/// <summary>
/// The options the plugin declares, each once, with the reference CycleGAN's defaults (Zhu et al. 2017,
/// train_options.py and base_options.py). The descriptor, the typed settings, the resume check and the docs table
/// (checked by a test) all follow from this list. Plain data: reading it never loads libtorch.
/// </summary>
internal static class CycleGanOptions
{
    public static DeclaredOption<long> Ngf { get; } = DeclaredOption.Integer(
        new("ngf", PluginOptionType.Integer, "64", "Generator filters in the first layer (reference 64).") { Minimum = 1 }, OptionUse.Resume);

    public static DeclaredOption<long> Ndf { get; } = DeclaredOption.Integer(
        new("ndf", PluginOptionType.Integer, "64", "Discriminator filters in the first layer (reference 64).") { Minimum = 1 }, OptionUse.Resume);

    public static DeclaredOption<long> Blocks { get; } = DeclaredOption.Integer(
        new("blocks", PluginOptionType.Integer, "9", "Residual blocks in each generator: 9 for 256 px, 6 for 128 px.") { Minimum = 1 }, OptionUse.Resume);

    public static DeclaredOption<string> Upsample { get; } = DeclaredOption.Choice(
        new("upsample", PluginOptionType.Choice, "transpose",
            "Generator upsampling: transpose (stride-2 transposed convolutions, the reference; for parity and imported weights) or resize (nearest 2x resize then a 3x3 conv, no built-in checkerboard grid).")
        {
            Choices = ["transpose", "resize"],
        },
        OptionUse.Resume);

    public static DeclaredOption<long> DiscriminatorScales { get; } = DeclaredOption.Integer(
        new("d_scales", PluginOptionType.Integer, "1",
            "Discriminator scales: 1 is the reference; 2 adds a second PatchGAN on a 2x average-pooled copy (pix2pixHD), losses averaged.")
        {
            Minimum = 1,
            Maximum = 2,
        },
        OptionUse.Resume);

    public static DeclaredOption<double> LambdaA { get; } = DeclaredOption.Number(
        new("lambda_a", PluginOptionType.Number, "10", "Weight of the cycle loss A -> B -> A.") { Minimum = 0 }, OptionUse.Resume);

    public static DeclaredOption<double> LambdaB { get; } = DeclaredOption.Number(
        new("lambda_b", PluginOptionType.Number, "10", "Weight of the cycle loss B -> A -> B.") { Minimum = 0 }, OptionUse.Resume);

    public static DeclaredOption<double> CycleDecay { get; } = DeclaredOption.Number(
        new("cycle_decay", PluginOptionType.Number, "0",
            "How far the cycle weights fall over training, linearly from the first iteration: 0 keeps lambda_a and lambda_b (the reference), 0.9 ends at a tenth of them. The identity term keeps its weight.")
        {
            Minimum = 0,
            Maximum = 1,
        },
        OptionUse.Resume);

    public static DeclaredOption<double> LambdaIdentity { get; } = DeclaredOption.Number(
        new("lambda_identity", PluginOptionType.Number, "0.5", "Identity loss weight, relative to lambda_a and lambda_b; 0 turns it off.") { Minimum = 0 },
        OptionUse.Resume);

    public static DeclaredOption<long> PoolSize { get; } = DeclaredOption.Integer(
        new("pool_size", PluginOptionType.Integer, "50", "Generated images kept to train the discriminators on older fakes; 0 turns the pool off.") { Minimum = 0 },
        OptionUse.Resume);

    public static DeclaredOption<double> LearningRate { get; } = DeclaredOption.Number(
        new("lr", PluginOptionType.Number, "0.0002", "Adam learning rate before decay.") { Minimum = 0 }, OptionUse.Resume);

    public static DeclaredOption<long> Epochs { get; } = DeclaredOption.Integer(
        new("epochs", PluginOptionType.Integer, "100", "Epochs at the initial learning rate; an epoch is one pass over the larger domain.") { Minimum = 0 },
        OptionUse.Resume, replacedBy: GanOptions.Iterations);

    public static DeclaredOption<long> DecayEpochs { get; } = DeclaredOption.Integer(
        new("decay_epochs", PluginOptionType.Integer, "100", "Epochs of linear decay of the learning rate to 0 after that.") { Minimum = 0 },
        OptionUse.Resume, replacedBy: GanOptions.Iterations);

    public static DeclaredOption<bool> Flip { get; } = DeclaredOption.Boolean(
        new("flip", PluginOptionType.Boolean, "true", "Flip crops horizontally at random."), OptionUse.Resume);

    public static DeclaredOption<long> Threads { get; } = DeclaredOption.Integer(
        new("threads", PluginOptionType.Integer, "0", "CPU threads; 0 uses every core. Training runs its two halves side by side on a CPU with 2 or more.") { Minimum = 0 },
        OptionUse.Training | OptionUse.Inference);

    /// <summary>Every option, in the order <c>styleforge plugins</c> and the docs list them.</summary>
    public static IReadOnlyList<DeclaredOption> All { get; } =
    [
        Ngf, Ndf, Blocks, Upsample, GanOptions.Head, GanOptions.DiscriminatorLayers, DiscriminatorScales, GanOptions.GanLoss,
        LambdaA, LambdaB, CycleDecay, LambdaIdentity, GanOptions.LambdaChroma, PoolSize, LearningRate, GanOptions.Beta1, Epochs, DecayEpochs,
        GanOptions.Iterations, GanOptions.BatchSize, GanOptions.LoadSize, GanOptions.CropSize, Flip, GanOptions.EmaDecay,
        GanOptions.CheckpointEvery, GanOptions.SampleEvery, GanOptions.SnapshotEvery, GanOptions.Device, Threads, GanOptions.Upscale,
    ];

    /// <summary>What the descriptor declares to hosts.</summary>
    public static IReadOnlyList<PluginOption> Declared { get; } = All.Select(o => o.Option).ToList();

    /// <summary>The values a checkpoint must share with the current run to be resumed, derived from <see cref="OptionUse.Resume"/>.</summary>
    public static IReadOnlyList<(string Option, string Value)> ResumeSensitive(OptionValues values) =>
        All.Where(o => o.Use.HasFlag(OptionUse.Resume)).Select(o => (o.Name, o.ResumeValue(values))).ToList();
}
