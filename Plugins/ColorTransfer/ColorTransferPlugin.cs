using StyleForge.Plugins;
using StyleForge.Plugins.ColorTransfer;

[assembly: StyleForgePlugin(typeof(ColorTransferPlugin))]

namespace StyleForge.Plugins.ColorTransfer;

/// <summary>
/// The non-learned baseline: Reinhard et al. 2001 colour transfer between the two domains. "Training"
/// measures each domain's lαβ statistics once; converting matches one domain's statistics to the other's.
/// </summary>
public sealed class ColorTransferPlugin : ITrainableStylizerPlugin
{
    private const string Strength = "strength";

    /// <inheritdoc />
    public PluginDescriptor Descriptor { get; } = new(
        "colortransfer",
        "1.0.0",
        PluginApi.Current,
        "Matches the colour statistics of one domain to the other's in lαβ space (Reinhard et al. 2001); a non-learned baseline.",
        new[]
        {
            new PluginOption(Strength, PluginOptionType.Number, "1.0",
                "How far to move towards the target statistics: 0 keeps the input, 1 is the full transfer.")
            {
                Minimum = 0,
                Maximum = 1,
            },
        });

    /// <inheritdoc />
    public TrainingResult Train(TrainingRequest request, IPluginContext context)
    {
        var total = request.DomainA.Count + request.DomainB.Count;
        var done = 0L;
        // Nothing is worth checkpointing: the pass is a few seconds and restarts cleanly, so cancellation just stops it.
        ChannelStatistics Measure(ITextureSet set, string name)
        {
            var accumulator = new DomainStatisticsAccumulator();
            for (var i = 0; i < set.Count; i++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                accumulator.Add(set.Load(i));
                done++;
                context.Progress.Report(new PluginProgress("statistics", done, total, new Dictionary<string, double>()));
            }
            return accumulator.Result(name);
        }

        var model = new ColorTransferModel(ColorTransferModel.ReinhardLab, Measure(request.DomainA, "A"), Measure(request.DomainB, "B"));
        // In model/ of the training folder, as the GAN plugins export theirs: a pipeline trains into its run folder, and
        // the model must be a folder of its own there (the host fingerprints every file of a model folder).
        var modelDirectory = Path.Combine(request.OutputDirectory, "model");
        model.Save(modelDirectory);
        context.Log.Info($"colortransfer: measured {model.DomainA.Textures} textures of A and {model.DomainB.Textures} of B");
        return new TrainingResult(modelDirectory, total, new Dictionary<string, double>
        {
            ["a_l_mean"] = model.DomainA.Mean[0],
            ["b_l_mean"] = model.DomainB.Mean[0],
        });
    }

    /// <inheritdoc />
    public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context)
    {
        var model = ColorTransferModel.Load(request.ModelDirectory);
        var strength = request.Options.IsSet(Strength) ? request.Options.GetNumber(Strength) : 1.0;
        return request.Direction == TranslationDirection.AToB
            ? new ColorTransferStylizer(model.DomainA, model.DomainB, strength)
            : new ColorTransferStylizer(model.DomainB, model.DomainA, strength);
    }
}
