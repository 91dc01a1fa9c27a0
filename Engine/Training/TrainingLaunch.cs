using StyleForge.Engine.Catalog;
using StyleForge.Plugins;

namespace StyleForge.Engine.Training;

/// <summary>One training run as a front end asks for it; built by the train verb and the train step through one builder.</summary>
/// <param name="Plugin">The trainable plugin.</param>
/// <param name="DomainA">Folder of domain A textures.</param>
/// <param name="DomainB">Folder of domain B textures, unrelated to A's.</param>
/// <param name="OutputDirectory">The training folder the plugin writes into (absolute); its model ends up in it or inside it.</param>
/// <param name="Resume">Continue from the last checkpoint in <paramref name="OutputDirectory"/>.</param>
/// <param name="Options">The plugin's options, checked and with defaults filled in.</param>
public sealed record TrainingLaunch(LoadedPlugin Plugin, string DomainA, string DomainB, string OutputDirectory, bool Resume, OptionValues Options);
