using System.Globalization;
using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Training;

namespace StyleForge.Plugins.CycleGan.Training;

/// <summary>The plugin options resolved into typed training settings, checked for combinations the host cannot see.</summary>
internal sealed record TrainingSettings
{
    public required int Ngf { get; init; }
    public required int Ndf { get; init; }
    public required int Blocks { get; init; }
    public required GeneratorUpsampling Upsample { get; init; }
    public required int DiscriminatorLayers { get; init; }
    public required int DiscriminatorScales { get; init; }
    public required GanLossKind GanLoss { get; init; }
    public required double LambdaA { get; init; }
    public required double LambdaB { get; init; }
    public required double LambdaIdentity { get; init; }
    public required int PoolSize { get; init; }
    public required double LearningRate { get; init; }
    public required double Beta1 { get; init; }
    public required int Epochs { get; init; }
    public required int DecayEpochs { get; init; }
    public required long? Iterations { get; init; }
    public required int BatchSize { get; init; }
    public required int LoadSize { get; init; }
    public required int CropSize { get; init; }
    public required bool Flip { get; init; }
    public required long CheckpointEvery { get; init; }
    public required long SampleEvery { get; init; }
    public required string Device { get; init; }
    public required int Threads { get; init; }

    /// <summary>Reads validated option values; throws <see cref="PluginException"/> naming the option for invalid combinations.</summary>
    public static TrainingSettings From(OptionValues options)
    {
        var settings = new TrainingSettings
        {
            Ngf = (int)options.GetInteger("ngf"),
            Ndf = (int)options.GetInteger("ndf"),
            Blocks = (int)options.GetInteger("blocks"),
            // Checkpoints from before the option existed hold no value: they were trained with the reference's transpose.
            Upsample = options.IsSet("upsample") && options.GetText("upsample") == "resize" ? GeneratorUpsampling.Resize : GeneratorUpsampling.Transpose,
            DiscriminatorLayers = (int)options.GetInteger("d_layers"),
            // Checkpoints from before the option existed hold no value: they have the reference's single scale.
            DiscriminatorScales = options.IsSet("d_scales") ? (int)options.GetInteger("d_scales") : 1,
            GanLoss = options.GetText("gan_loss") == "vanilla" ? GanLossKind.Vanilla : GanLossKind.Lsgan,
            LambdaA = options.GetNumber("lambda_a"),
            LambdaB = options.GetNumber("lambda_b"),
            LambdaIdentity = options.GetNumber("lambda_identity"),
            PoolSize = (int)options.GetInteger("pool_size"),
            LearningRate = options.GetNumber("lr"),
            Beta1 = options.GetNumber("beta1"),
            Epochs = (int)options.GetInteger("epochs"),
            DecayEpochs = (int)options.GetInteger("decay_epochs"),
            Iterations = options.IsSet("iterations") ? options.GetInteger("iterations") : null,
            BatchSize = (int)options.GetInteger("batch_size"),
            LoadSize = (int)options.GetInteger("load_size"),
            CropSize = (int)options.GetInteger("crop_size"),
            Flip = options.GetBoolean("flip"),
            CheckpointEvery = options.GetInteger("checkpoint_every"),
            SampleEvery = options.GetInteger("sample_every"),
            Device = options.GetText("device"),
            Threads = (int)options.GetInteger("threads"),
        };
        TrainingChecks.Crop(settings.CropSize, settings.LoadSize);
        // Each stride-2 layer of the PatchGAN halves the side, then two 4x4 stride-1 layers take one pixel each:
        // the coarse scale's input (half the crop) needs 3 x 2^d_layers pixels to leave one score.
        var coarseMinimum = 3 << settings.DiscriminatorLayers;
        if (settings.DiscriminatorScales == 2 && settings.CropSize / 2 < coarseMinimum)
        {
            throw new PluginException($"option d_scales=2 with crop_size={settings.CropSize}: the second scale sees {settings.CropSize / 2} px and a " +
                $"{settings.DiscriminatorLayers}-layer PatchGAN needs at least {coarseMinimum}; set crop_size to at least {2 * coarseMinimum} or lower d_layers.");
        }
        TrainingChecks.Schedule(settings.Iterations, settings.Epochs, settings.DecayEpochs);
        return settings;
    }

    /// <summary>The learning-rate schedule these settings give for domains whose larger holds <paramref name="largerDomainCount"/> textures.</summary>
    public LearningRateSchedule Schedule(int largerDomainCount) =>
        LearningRateSchedule.For(LearningRate, Iterations, Epochs, DecayEpochs, BatchSize, largerDomainCount);

    /// <summary>
    /// The settings a checkpoint must share with the current run to be resumed: everything that shapes
    /// the networks, the data or the schedule. Output cadence, device and threads may change freely.
    /// </summary>
    public IReadOnlyList<(string Option, string Value)> ResumeSensitive() =>
    [
        ("ngf", Text(Ngf)),
        ("ndf", Text(Ndf)),
        ("blocks", Text(Blocks)),
        ("upsample", Upsample.ToString().ToLowerInvariant()),
        ("d_layers", Text(DiscriminatorLayers)),
        ("d_scales", Text(DiscriminatorScales)),
        ("gan_loss", GanLoss.ToString().ToLowerInvariant()),
        ("lambda_a", Text(LambdaA)),
        ("lambda_b", Text(LambdaB)),
        ("lambda_identity", Text(LambdaIdentity)),
        ("pool_size", Text(PoolSize)),
        ("lr", Text(LearningRate)),
        ("beta1", Text(Beta1)),
        ("epochs", Iterations is null ? Text(Epochs) : "(replaced by iterations)"),
        ("decay_epochs", Iterations is null ? Text(DecayEpochs) : "(replaced by iterations)"),
        ("iterations", Iterations is long n ? Text(n) : "(not set)"),
        ("batch_size", Text(BatchSize)),
        ("load_size", Text(LoadSize)),
        ("crop_size", Text(CropSize)),
        ("flip", Flip ? "true" : "false"),
    ];

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
