using StyleForge.Host.Pipelines;
using Xunit;

namespace StyleForge.Host.Tests;

public sealed class PipelineDocsTests
{
    [Fact]
    public void Given_docs_pipelines_md_When_read_Then_every_step_kind_and_key_is_documented_in_its_section()
    {
        var doc = File.ReadAllText(Path.Combine(RepoLayout.Root, "docs", "pipelines.md"));
        var missing = new List<string>();
        foreach (var kind in StepKinds.All)
        {
            var heading = $"### `kind: {kind.Kind}`";
            var start = doc.IndexOf(heading, StringComparison.Ordinal);
            if (start < 0)
            {
                missing.Add(heading);
                continue;
            }
            var end = doc.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
            var section = end < 0 ? doc[start..] : doc[start..end];
            var keys = kind.Keys.Select(k => k.Name)
                .Concat(kind.PluginUse == StepPluginUse.None ? Array.Empty<string>() : new[] { "plugin", "options" });
            missing.AddRange(keys.Where(k => !section.Contains($"| `{k}` |", StringComparison.Ordinal)).Select(k => $"{kind.Kind}.{k}"));
            // The type column says what the loader checks: the key's type, and an integer's range.
            missing.AddRange(kind.Keys.Where(k => section.Contains($"| `{k.Name}` |", StringComparison.Ordinal)
                    && !section.Contains($"| `{k.Name}` | {TypeText(k)} |", StringComparison.Ordinal))
                .Select(k => $"{kind.Kind}.{k.Name} typed '{TypeText(k)}'"));
        }

        Assert.True(missing.Count == 0, "docs/pipelines.md lacks: " + string.Join(", ", missing));
    }

    private static string TypeText(StepKey key) => key.Type switch
    {
        StepKeyType.Integer => (key.Minimum, key.Maximum) switch
        {
            (int.MinValue, int.MaxValue) => "integer",
            (var min, int.MaxValue or long.MaxValue) => $"integer ≥ {min}",
            var (min, max) => $"integer {min}–{max}",
        },
        StepKeyType.Number => "number",
        StepKeyType.Boolean => "true/false",
        StepKeyType.Choice => "choice",
        StepKeyType.InputPath => "input path",
        StepKeyType.OutputPath => "output path",
        StepKeyType.TextList => "text or list",
        StepKeyType.InputPathList => "input path or list",
        StepKeyType.GlobList => "glob or list",
        StepKeyType.Shard => "I/N",
        StepKeyType.SuffixList => "suffix or list",
        _ => "text",
    };
}
