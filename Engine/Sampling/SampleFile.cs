namespace StyleForge.Host.Sampling;

/// <summary>One texture the sample will hold: where it goes, which scene, under which light.</summary>
/// <param name="RelativePath">Path under the sample folder, '/' separated.</param>
/// <param name="SceneSeed">The scene rendered.</param>
/// <param name="Lighting">Day or night.</param>
internal sealed record SampleFile(string RelativePath, ulong SceneSeed, SceneLighting Lighting);
