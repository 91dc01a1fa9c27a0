using StyleForge.Plugins.GanKit;
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
    public required GeneratorHead Head { get; init; }
    public required int DiscriminatorLayers { get; init; }
    public required int DiscriminatorScales { get; init; }
    public required GanLossKind GanLoss { get; init; }
    public required double LambdaA { get; init; }
    public required double LambdaB { get; init; }
    public required double CycleDecay { get; init; }
    public required double LambdaIdentity { get; init; }
    public required double LambdaChroma { get; init; }
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
    public required double EmaDecay { get; init; }
    public required long CheckpointEvery { get; init; }
    public required long SampleEvery { get; init; }
    public required long SnapshotEvery { get; init; }
    public required string Device { get; init; }
    public required int Threads { get; init; }

    /// <summary>The option values these settings were read from.</summary>
    public required OptionValues Values { get; init; }

    /// <summary>Reads validated option values; throws <see cref="PluginException"/> naming the option for invalid combinations.</summary>
    public static TrainingSettings From(OptionValues options)
    {
        var settings = new TrainingSettings
        {
            Values = options,
            Ngf = (int)CycleGanOptions.Ngf.Read(options),
            Ndf = (int)CycleGanOptions.Ndf.Read(options),
            Blocks = (int)CycleGanOptions.Blocks.Read(options),
            // A value the options lack is the default: checkpoints from before upsample and d_scales existed have the reference's.
            Upsample = GeneratorArchitecture.UpsampleNamed(CycleGanOptions.Upsample.Read(options)) ?? GeneratorUpsampling.Transpose,
            Head = GanOptions.ReadHead(options),
            DiscriminatorLayers = (int)GanOptions.DiscriminatorLayers.Read(options),
            DiscriminatorScales = (int)CycleGanOptions.DiscriminatorScales.Read(options),
            GanLoss = GanOptions.GanLoss.Read(options) == "vanilla" ? GanLossKind.Vanilla : GanLossKind.Lsgan,
            LambdaA = CycleGanOptions.LambdaA.Read(options),
            LambdaB = CycleGanOptions.LambdaB.Read(options),
            CycleDecay = CycleGanOptions.CycleDecay.Read(options),
            LambdaIdentity = CycleGanOptions.LambdaIdentity.Read(options),
            // Checkpoints from before lambda_chroma existed hold no value: the default, 0, is what they trained with.
            LambdaChroma = GanOptions.LambdaChroma.Read(options),
            PoolSize = (int)CycleGanOptions.PoolSize.Read(options),
            LearningRate = CycleGanOptions.LearningRate.Read(options),
            Beta1 = GanOptions.Beta1.Read(options),
            Epochs = (int)CycleGanOptions.Epochs.Read(options),
            DecayEpochs = (int)CycleGanOptions.DecayEpochs.Read(options),
            Iterations = GanOptions.Iterations.IsEmpty(options) ? null : GanOptions.Iterations.Read(options),
            BatchSize = (int)GanOptions.BatchSize.Read(options),
            LoadSize = (int)GanOptions.LoadSize.Read(options),
            CropSize = (int)GanOptions.CropSize.Read(options),
            Flip = CycleGanOptions.Flip.Read(options),
            EmaDecay = GanOptions.EmaDecay.Read(options),
            CheckpointEvery = GanOptions.CheckpointEvery.Read(options),
            SampleEvery = GanOptions.SampleEvery.Read(options),
            SnapshotEvery = GanOptions.SnapshotEvery.Read(options),
            Device = GanOptions.Device.Read(options),
            Threads = (int)CycleGanOptions.Threads.Read(options),
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

    /// <summary>The generators these settings build (both directions alike).</summary>
    public GeneratorArchitecture Architecture => new(Ngf, Blocks, Upsample, Head);

    /// <summary>The learning-rate schedule these settings give for domains whose larger holds <paramref name="largerDomainCount"/> textures.</summary>
    public LearningRateSchedule Schedule(int largerDomainCount) =>
        LearningRateSchedule.For(LearningRate, Iterations, Epochs, DecayEpochs, BatchSize, largerDomainCount);

    /// <summary>
    /// The settings a checkpoint must share with the current run to be resumed: every option declared
    /// <see cref="StyleForge.Plugins.GanKit.Options.OptionUse.Resume"/> (what shapes the networks, the data or the schedule).
    /// </summary>
    public IReadOnlyList<(string Option, string Value)> ResumeSensitive() => CycleGanOptions.ResumeSensitive(Values);
}
