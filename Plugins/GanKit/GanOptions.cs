using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Options;

namespace StyleForge.Plugins.GanKit;

/// <summary>
/// The options every GAN plugin declares alike (same name, default, range, wording and use), declared once. Each
/// plugin lists them among its own; the settings that read them stay per plugin.
/// </summary>
internal static class GanOptions
{
    public static DeclaredOption<double> Beta1 { get; } = DeclaredOption.Number(
        new("beta1", PluginOptionType.Number, "0.5", "Adam beta1 (beta2 is 0.999).") { Minimum = 0, Maximum = 1 },
        OptionUse.Resume);

    public static DeclaredOption<long> DiscriminatorLayers { get; } = DeclaredOption.Integer(
        new("d_layers", PluginOptionType.Integer, "3", "Discriminator layers; 3 is the 70x70 PatchGAN.") { Minimum = 1, Maximum = 6 },
        OptionUse.Resume);

    public static DeclaredOption<string> GanLoss { get; } = DeclaredOption.Choice(
        new("gan_loss", PluginOptionType.Choice, "lsgan", "Adversarial loss: lsgan (least squares, the reference) or vanilla (cross-entropy).")
        {
            Choices = ["lsgan", "vanilla"],
        },
        OptionUse.Resume);

    public static DeclaredOption<long> Iterations { get; } = DeclaredOption.Integer(
        new("iterations", PluginOptionType.Integer, "", "Total iterations; when set, replaces epochs: constant rate for the first half, linear decay over the second.")
        {
            Minimum = 1,
            Optional = true,
        },
        OptionUse.Resume);

    public static DeclaredOption<long> BatchSize { get; } = DeclaredOption.Integer(
        new("batch_size", PluginOptionType.Integer, "1", "Images per iteration and domain.") { Minimum = 1 },
        OptionUse.Resume);

    public static DeclaredOption<long> LoadSize { get; } = DeclaredOption.Integer(
        new("load_size", PluginOptionType.Integer, "286", "Textures are scaled so their shorter side has this many pixels before cropping.") { Minimum = 4 },
        OptionUse.Resume);

    public static DeclaredOption<long> CropSize { get; } = DeclaredOption.Integer(
        new("crop_size", PluginOptionType.Integer, "256", "Side of the random square crops trained on; a multiple of 4.") { Minimum = 4 },
        OptionUse.Resume);

    public static DeclaredOption<string> Head { get; } = DeclaredOption.Choice(
        new("head", PluginOptionType.Choice, "direct",
            "How the generator's output becomes an image: direct (tanh of 3 channels, the reference; for parity and imported weights) or affine (6 channels, a colour gain and offset per pixel applied to the input, tanh((1 + g) x + o): the input's detail passes through).")
        {
            Choices = ["direct", "affine"],
        },
        OptionUse.Resume);

    /// <summary>The <see cref="Head"/> an option set asks for; a checkpoint's options from before the option existed read as direct.</summary>
    public static GeneratorHead ReadHead(OptionValues options) => GeneratorArchitecture.HeadNamed(Head.Read(options)) ?? GeneratorHead.Direct;

    public static DeclaredOption<double> LambdaChroma { get; } = DeclaredOption.Number(
        new("lambda_chroma", PluginOptionType.Number, "0",
            "Weight of the chroma term, in every direction the plugin learns: 1 - cosine between each pixel's input and output colour, weighted by the darker of the two, so a generator may darken anything but light only what keeps its colour. 0 is the reference.")
        {
            Minimum = 0,
        },
        OptionUse.Resume);

    public static DeclaredOption<double> EmaDecay { get; } = DeclaredOption.Number(
        new("ema_decay", PluginOptionType.Number, "0",
            "Export a moving average of the generator weights instead of the last iteration's: each update keeps this share " +
            "of the average (0.999 averages about the last 1000 iterations); 0 is off.") { Minimum = 0, Maximum = 0.99999 },
        OptionUse.Resume);

    public static DeclaredOption<long> CheckpointEvery { get; } = DeclaredOption.Integer(
        new("checkpoint_every", PluginOptionType.Integer, "1000", "Save a resumable checkpoint every this many iterations (and always at the end).") { Minimum = 1 },
        OptionUse.Training);

    public static DeclaredOption<long> SnapshotEvery { get; } = DeclaredOption.Integer(
        new("snapshot_every", PluginOptionType.Integer, "0",
            "Also export the model to snapshots/iter-NNNNNNNN/ every this many iterations, to convert and score it later; 0 is off.") { Minimum = 0 },
        OptionUse.Training);

    public static DeclaredOption<long> SampleEvery { get; } = DeclaredOption.Integer(
        new("sample_every", PluginOptionType.Integer, "500", "Write a sample sheet to samples/ every this many iterations.") { Minimum = 1 },
        OptionUse.Training);

    public static DeclaredOption<string> Upscale { get; } = DeclaredOption.Choice(
        new("upscale", PluginOptionType.Choice, "guided",
            "How convert brings the result of a model that works below scale 1 back to the texture's size: guided (fitted to the full-size texture, which keeps its detail; docs/inference.md) or resize (a plain cubic resize).")
        {
            Choices = ["guided", "resize"],
        },
        OptionUse.Inference);

    public static DeclaredOption<string> Device { get; } = DeclaredOption.Choice(
        new("device", PluginOptionType.Choice, "auto", "auto (CUDA when available, else CPU), cpu or cuda.") { Choices = ["auto", "cpu", "cuda"] },
        OptionUse.Training | OptionUse.Inference);
}
