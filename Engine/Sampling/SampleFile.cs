namespace StyleForge.Engine.Sampling;

/// <summary>One texture the sample will hold: where it goes, which scene, under which light.</summary>
/// <param name="RelativePath">Path under the sample folder, '/' separated.</param>
/// <param name="SceneSeed">The scene rendered.</param>
/// <param name="Lighting">Day or night.</param>
public sealed record SampleFile(string RelativePath, ulong SceneSeed, SceneLighting Lighting);
