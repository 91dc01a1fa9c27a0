using System.Globalization;
using StyleForge.Plugins.GanKit;
using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Training;

namespace StyleForge.Plugins.Cut.Training;

/// <summary>The plugin options resolved into typed settings, with the mode's defaults filled in and combinations checked.</summary>
internal sealed record CutSettings
{
    public required bool FastCut { get; init; }
    public required double LambdaGan { get; init; }
    public required double LambdaNce { get; init; }
    public required double LambdaChroma { get; init; }
    public required bool NceIdentity { get; init; }
    public required IReadOnlyList<int> NceLayers { get; init; }
    public required int ProjectionUnits { get; init; }
    public required double Temperature { get; init; }
    public required int Patches { get; init; }
    public required bool FlipEquivariance { get; init; }
    public required int Ngf { get; init; }
    public required int Ndf { get; init; }
    public required int Blocks { get; init; }
    public required GeneratorUpsampling Upsample { get; init; }
    public required GeneratorHead Head { get; init; }
    public required int DiscriminatorLayers { get; init; }
    public required GanLossKind GanLoss { get; init; }
    public required bool XavierInit { get; init; }
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

    /// <summary>The generator these settings build.</summary>
    public GeneratorArchitecture Architecture => new(Ngf, Blocks, Upsample, Head);

    /// <summary>
    /// Reads validated option values; throws <see cref="PluginException"/> naming the option for invalid combinations.
    /// The options GanKit declares are read through <see cref="GanOptions"/>, which gives a checkpoint's options that
    /// predate one of them (snapshot_every, ema_decay, head) its default.
    /// </summary>
    public static CutSettings From(OptionValues options)
    {
        var fast = options.GetText("mode") == "fastcut";
        var blocks = (int)options.GetInteger("blocks");
        var settings = new CutSettings
        {
            FastCut = fast,
            LambdaGan = options.GetNumber("lambda_gan"),
            LambdaNce = options.IsSet("lambda_nce") ? options.GetNumber("lambda_nce") : fast ? 10 : 1,
            LambdaChroma = GanOptions.LambdaChroma.Read(options),
            NceIdentity = options.IsSet("nce_idt") ? options.GetBoolean("nce_idt") : !fast,
            NceLayers = ParseLayers(options.GetText("nce_layers"), blocks),
            ProjectionUnits = (int)options.GetInteger("netf_nc"),
            Temperature = options.GetNumber("nce_t"),
            Patches = (int)options.GetInteger("num_patches"),
            FlipEquivariance = options.IsSet("flip_equivariance") ? options.GetBoolean("flip_equivariance") : fast,
            Ngf = (int)options.GetInteger("ngf"),
            Ndf = (int)options.GetInteger("ndf"),
            Blocks = blocks,
            Upsample = GeneratorArchitecture.UpsampleNamed(options.GetText("upsample")) ?? GeneratorUpsampling.Transpose,
            Head = GanOptions.ReadHead(options),
            DiscriminatorLayers = (int)GanOptions.DiscriminatorLayers.Read(options),
            GanLoss = GanOptions.GanLoss.Read(options) == "vanilla" ? GanLossKind.Vanilla : GanLossKind.Lsgan,
            XavierInit = options.GetText("init_type") == "xavier",
            LearningRate = options.GetNumber("lr"),
            Beta1 = GanOptions.Beta1.Read(options),
            Epochs = options.IsSet("epochs") ? (int)options.GetInteger("epochs") : fast ? 150 : 200,
            DecayEpochs = options.IsSet("decay_epochs") ? (int)options.GetInteger("decay_epochs") : fast ? 50 : 200,
            Iterations = options.IsSet("iterations") ? GanOptions.Iterations.Read(options) : null,
            BatchSize = (int)GanOptions.BatchSize.Read(options),
            LoadSize = (int)GanOptions.LoadSize.Read(options),
            CropSize = (int)GanOptions.CropSize.Read(options),
            Flip = options.GetBoolean("flip"),
            EmaDecay = GanOptions.EmaDecay.Read(options),
            CheckpointEvery = GanOptions.CheckpointEvery.Read(options),
            SampleEvery = GanOptions.SampleEvery.Read(options),
            SnapshotEvery = GanOptions.SnapshotEvery.Read(options),
            Device = GanOptions.Device.Read(options),
            Threads = (int)options.GetInteger("threads"),
        };
        TrainingChecks.Crop(settings.CropSize, settings.LoadSize);
        TrainingChecks.Schedule(settings.Iterations, settings.Epochs, settings.DecayEpochs);
        if (settings.LambdaGan == 0 && settings.LambdaNce == 0)
        {
            throw new PluginException("options lambda_gan=0 and lambda_nce=0 leave the generator nothing to learn; set one of them above 0.");
        }
        return settings;
    }

    /// <summary>The learning-rate schedule for domains whose larger holds <paramref name="largerDomainCount"/> textures.</summary>
    public LearningRateSchedule Schedule(int largerDomainCount) =>
        LearningRateSchedule.For(LearningRate, Iterations, Epochs, DecayEpochs, BatchSize, largerDomainCount);

    /// <summary>
    /// The settings a checkpoint must share with the current run to be resumed: everything that shapes the networks,
    /// the losses, the data or the schedule. Output cadence, device and threads may change freely.
    /// </summary>
    public IReadOnlyList<(string Option, string Value)> ResumeSensitive() =>
    [
        ("mode", FastCut ? "fastcut" : "cut"),
        ("lambda_gan", Text(LambdaGan)),
        ("lambda_nce", Text(LambdaNce)),
        ("lambda_chroma", Text(LambdaChroma)),
        ("nce_idt", NceIdentity ? "true" : "false"),
        ("nce_layers", string.Join(",", NceLayers)),
        ("netf_nc", Text(ProjectionUnits)),
        ("nce_t", Text(Temperature)),
        ("num_patches", Text(Patches)),
        ("flip_equivariance", FlipEquivariance ? "true" : "false"),
        ("ngf", Text(Ngf)),
        ("ndf", Text(Ndf)),
        ("blocks", Text(Blocks)),
        ("upsample", Architecture.UpsampleName),
        ("head", Architecture.HeadName),
        ("d_layers", Text(DiscriminatorLayers)),
        ("gan_loss", GanLoss.ToString().ToLowerInvariant()),
        ("init_type", XavierInit ? "xavier" : "normal"),
        ("lr", Text(LearningRate)),
        ("beta1", Text(Beta1)),
        ("epochs", Iterations is null ? Text(Epochs) : "(replaced by iterations)"),
        ("decay_epochs", Iterations is null ? Text(DecayEpochs) : "(replaced by iterations)"),
        ("iterations", Iterations is long n ? Text(n) : "(not set)"),
        ("batch_size", Text(BatchSize)),
        ("load_size", Text(LoadSize)),
        ("crop_size", Text(CropSize)),
        ("flip", Flip ? "true" : "false"),
        ("ema_decay", Text(EmaDecay)),
    ];

    /// <summary>
    /// Parses nce_layers: ascending layer indices of the generator's encoder (0 to 9 + blocks). The default
    /// 0,4,7,10,14 needs at least 5 blocks; the message names the layers that fit.
    /// </summary>
    private static IReadOnlyList<int> ParseLayers(string text, int blocks)
    {
        var last = 9 + blocks;
        var layers = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var layer))
            {
                throw new PluginException($"option nce_layers='{text}': '{part}' is not a layer number; write ascending numbers such as 0,4,7,10,14.");
            }
            if (layers.Count > 0 && layer <= layers[^1])
            {
                throw new PluginException($"option nce_layers='{text}': the layers must be ascending without repeats; {layer} follows {layers[^1]}.");
            }
            layers.Add(layer);
        }
        if (layers[^1] > last)
        {
            var fitting = string.Join(",", layers.Where(l => l <= last));
            throw new PluginException(
                $"option nce_layers='{text}': with blocks={blocks} the generator's encoder has layers 0 to {last} (layers 10 to {last} are the residual blocks); " +
                $"layer {layers[^1]} does not exist. Use for example {(fitting.Length > 0 ? fitting + "," : "")}{last}, or more blocks.");
        }
        return layers;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
