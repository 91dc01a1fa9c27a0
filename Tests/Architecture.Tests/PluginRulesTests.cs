using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Xunit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace StyleForge.Architecture.Tests;

/// <summary>Plugins use the contract only (and the TorchSharp plugins their shared GanKit); the host never names a plugin.</summary>
public sealed class PluginRulesTests
{
    private static readonly ArchitectureModel Model = new ArchLoader()
        .LoadAssemblies(Layers.Host, Layers.Engine, Layers.Contract, Layers.Viewer)
        .LoadAssemblies(Layers.Plugins.ToArray())
        .Build();

    [Fact]
    public void Given_the_staged_in_tree_plugins_When_listed_Then_there_are_some_to_check()
    {
        // Guards the rules below against passing on nothing: the host's build stages every in-tree plugin.
        Assert.True(Layers.PluginAssemblies.Count >= 3, $"expected the in-tree plugins under {RepoLayout.HostPlugins}, found: {string.Join(", ", Layers.PluginAssemblies)}");
    }

    [Fact]
    public void Given_each_plugin_assembly_When_its_references_are_read_Then_it_references_no_StyleForge_assembly_but_the_contract_and_GanKit()
    {
        var allowed = new[] { Layers.Contract.GetName().Name!, Layers.GanKitAssemblyName };
        foreach (var path in Layers.PluginAssemblies.Append(Layers.GanKitAssembly))
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            var own = metadata.GetString(metadata.GetAssemblyDefinition().Name);
            var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
            var forbidden = references.Where(name => name.StartsWith("StyleForge", StringComparison.OrdinalIgnoreCase) && !allowed.Contains(name))
                .Concat(references.Where(name => Layers.PluginAssemblies.Any(p => Path.GetFileNameWithoutExtension(p) == name && name != own)))
                .ToList();
            Assert.True(forbidden.Count == 0, $"{own} references {string.Join(", ", forbidden)}; a plugin references the contract (and GanKit) only");
        }
    }

    [Fact]
    public void Given_the_plugins_When_their_dependencies_are_read_Then_none_uses_a_host_engine_or_viewer_type()
    {
        Types().That().ResideInAssembly(Layers.Plugins[0], Layers.Plugins.Skip(1).ToArray()).Should()
            .NotDependOnAnyTypesThat().ResideInAssembly(Layers.Host, Layers.Engine, Layers.Viewer)
            .Because("a plugin lives in its own load context and sees only the contract the host shares with it")
            .Check(Model);
    }

    [Fact]
    public void Given_the_host_and_the_engine_When_their_dependencies_are_read_Then_no_type_of_a_plugin_assembly_is_used()
    {
        Types().That().ResideInAssembly(Layers.Host, Layers.Engine).Should()
            .NotDependOnAnyTypesThat().ResideInAssembly(Layers.Plugins[0], Layers.Plugins.Skip(1).ToArray())
            .Because("the host reaches a plugin through the contract and the catalog, never by its types")
            .Check(Model);
    }
}
