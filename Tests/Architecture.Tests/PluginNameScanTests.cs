using System.Text.RegularExpressions;
using StyleForge.Engine.Catalog;
using Xunit;

namespace StyleForge.Architecture.Tests;

/// <summary>
/// The host never chooses a plugin by name in code: no string literal in Host/ or Engine/ is an installed plugin's name.
/// Types cannot show this (a name is a string), so the sources are read. Defaults live in Plugins/InTreePlugins.props;
/// help-text examples ("Example: --plugin cut") are longer strings and may mention one.
/// </summary>
public sealed partial class PluginNameScanTests
{
    [Fact]
    public void Given_the_host_and_engine_sources_When_scanned_Then_no_string_literal_is_a_plugin_name()
    {
        using var catalog = PluginCatalog.Load(new[] { RepoLayout.HostPlugins });
        var names = catalog.Plugins.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(names.Count >= 3, $"expected the in-tree plugins under {RepoLayout.HostPlugins}, found {string.Join(", ", names)}");

        var found = new List<string>();
        foreach (var folder in new[] { "Host", "Engine" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoLayout.Root, folder), "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    found.AddRange(StringLiteral().Matches(lines[i]).Select(m => m.Groups["text"].Value.Trim())
                        .Where(names.Contains)
                        .Select(text => $"{Path.GetRelativePath(RepoLayout.Root, file)}:{i + 1}: \"{text}\""));
                }
            }
        }

        Assert.True(found.Count == 0, "the host names a plugin; declare a default in Plugins/InTreePlugins.props instead:\n" + string.Join("\n", found));
    }

    [GeneratedRegex("\"(?<text>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();
}
