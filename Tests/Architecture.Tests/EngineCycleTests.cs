using ArchUnitNET.Loader;
using Xunit;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace StyleForge.Architecture.Tests;

/// <summary>
/// Inside the engine the folders form layers too: no two of them use each other, however indirectly. A folder is one
/// slice with everything below it (Textures.Bcn and Textures.Dds are part of Textures). ArchUnitNET's slice rule cuts
/// at every namespace level, so the folders are grouped here from its dependency graph.
/// </summary>
public sealed class EngineCycleTests
{
    private const string Prefix = "StyleForge.Engine.";

    private static readonly ArchitectureModel Model = new ArchLoader().LoadAssemblies(Layers.Engine).Build();

    [Fact]
    public void Given_the_engine_folders_When_their_dependencies_are_read_Then_they_form_no_cycle()
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in Model.Types)
        {
            var from = Folder(type.FullName);
            foreach (var dependency in type.Dependencies)
            {
                var to = Folder(dependency.Target.FullName);
                if (from is null || to is null || from == to)
                {
                    continue;
                }
                var targets = edges.TryGetValue(from, out var known) ? known : edges[from] = new(StringComparer.Ordinal);
                targets.TryAdd(to, $"{type.FullName} -> {dependency.Target.FullName}");
            }
        }

        var cycle = FindCycle(edges);

        Assert.True(cycle is null, cycle is null ? "" : "engine folders in a cycle:\n" + string.Join("\n",
            cycle.Zip(cycle.Skip(1).Append(cycle[0]), (a, b) => $"{a} -> {b}, for example {edges[a][b]}")));
        Assert.True(edges.Count >= 5, $"expected dependencies between the engine's folders, found {edges.Count}: the model did not load");
    }

    /// <summary>The folder under StyleForge.Engine a type belongs to, or null for a type outside any (or outside the engine).</summary>
    private static string? Folder(string fullName)
    {
        if (!fullName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = fullName[Prefix.Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? null : rest[..dot];
    }

    /// <summary>One cycle of the graph as the list of its folders, or null when it has none (depth-first search).</summary>
    private static List<string>? FindCycle(Dictionary<string, Dictionary<string, string>> edges)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            if (state.TryGetValue(node, out var onPath))
            {
                return onPath ? path.Skip(path.IndexOf(node)).ToList() : null;
            }
            state[node] = true;
            path.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets.Keys.Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (Visit(next) is { } found)
                {
                    return found;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[node] = false;
            return null;
        }
        return edges.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }
}
