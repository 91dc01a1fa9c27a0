namespace StyleForge.Plugins;

/// <summary>A plugin that learns a pair of mappings, A to B and B to A, from two unpaired texture sets.</summary>
public interface ITrainableStylizerPlugin : IStylizerPlugin
{
    /// <summary>
    /// Trains, writing checkpoints and the model into <see cref="TrainingRequest.OutputDirectory"/>.
    /// On cancellation the plugin saves a checkpoint it can resume from, then throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="request">The two domains, the output folder and the validated options.</param>
    /// <param name="context">Where to log and report, and how to cancel.</param>
    TrainingResult Train(TrainingRequest request, IPluginContext context);
}
