namespace StyleForge.Plugins;

/// <summary>A file format a plugin can write a trained model in, with the range of format versions it writes.</summary>
/// <param name="Name">Short lower-case name used with <c>--format</c>, for example the name of an interchange format.</param>
/// <param name="FileExtension">The usual extension of such files, with the dot.</param>
/// <param name="Description">One sentence for people: what reads this format.</param>
/// <param name="MinimumVersion">The oldest format version the plugin writes (for example an operator-set version).</param>
/// <param name="MaximumVersion">The newest format version the plugin writes.</param>
/// <param name="DefaultVersion">The version written when none is asked for.</param>
public sealed record ModelFormat(string Name, string FileExtension, string Description, int MinimumVersion, int MaximumVersion, int DefaultVersion);
