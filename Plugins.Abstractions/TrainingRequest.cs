namespace StyleForge.Plugins;

/// <summary>What a host asks of <see cref="ITrainableStylizerPlugin.Train"/>.</summary>
/// <param name="DomainA">Example textures of domain A.</param>
/// <param name="DomainB">Example textures of domain B, unrelated to those of A.</param>
/// <param name="OutputDirectory">The plugin's model folder: checkpoints, samples, logs and the exported model go here.</param>
/// <param name="Resume">Continue from the last checkpoint in <paramref name="OutputDirectory"/>.</param>
/// <param name="Options">The plugin's validated options.</param>
public sealed record TrainingRequest(
    ITextureSet DomainA,
    ITextureSet DomainB,
    string OutputDirectory,
    bool Resume,
    OptionValues Options);
