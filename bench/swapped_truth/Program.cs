using StyleForge.Engine.Sampling;
using StyleForge.Engine.Textures;

// Renders the held-out scenes of a daynight sample at night twice: as the sample's truth does, and swapped, with every
// window's curtain flag flipped. The swapped render is a flawless night image that lights the bare glass and leaves the
// curtained rooms dark: the solution unpaired training falls into (docs/sample-data.md). Scoring a term on both says
// which of the two the term prefers, with no training.
//
// Usage: swapped_truth OUT [--count N] [--test-count N] [--size N] [--seed N]   (the sample's own values; defaults as
// pipelines/daynight.yaml's: 200, 20, 256, 0). Writes OUT/truth/facade_NNNN.png and OUT/swapped/facade_NNNN.png.
if (args.Length < 1 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: swapped_truth OUT [--count N] [--test-count N] [--size N] [--seed N]");
    return 2;
}
var values = new Dictionary<string, int> { ["--count"] = 200, ["--test-count"] = 20, ["--size"] = 256, ["--seed"] = 0 };
for (var i = 1; i < args.Length; i += 2)
{
    if (!values.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value))
    {
        Console.Error.WriteLine($"swapped_truth: '{args[i]}' is not one of --count --test-count --size --seed with a whole number");
        return 2;
    }
    values[args[i]] = value;
}
var parameters = new SampleParameters(values["--size"], values["--count"], values["--test-count"], values["--seed"]);
var written = 0;
foreach (var file in DayNightSample.Plan(parameters).Where(f => f.RelativePath.StartsWith(DayNightSample.TestTruth + "/", StringComparison.Ordinal)))
{
    var scene = FacadeScene.Generate(file.SceneSeed);
    var swapped = scene with { Windows = [.. scene.Windows.Select(w => w with { Curtained = !w.Curtained })] };
    foreach (var (folder, render) in new[] { ("truth", scene), ("swapped", swapped) })
    {
        var texture = FacadeRenderer.Render(render, parameters.Size, SceneLighting.Night);
        var path = Path.Combine(args[0], folder, Path.GetFileName(file.RelativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        TextureCodec.SavePng(texture, stream);
    }
    written++;
}
Console.WriteLine($"wrote {written} scenes to {args[0]}/truth and {args[0]}/swapped");
return 0;
