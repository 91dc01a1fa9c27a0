using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Xunit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace StyleForge.Architecture.Tests;

/// <summary>
/// The arrows of docs/architecture.md, read from the built assemblies: front ends (Host) use the engine, the engine uses
/// the contract, plugins use the contract only, and nothing points back.
/// </summary>
public sealed class LayerRulesTests
{
    private static readonly ArchitectureModel Model = new ArchLoader()
        .LoadAssemblies(Layers.Host, Layers.Engine, Layers.Contract, Layers.Viewer)
        .Build();

    [Fact]
    public void Given_the_engine_When_its_dependencies_are_read_Then_it_uses_no_front_end_console_yaml_or_viewer_type()
    {
        Types().That().ResideInAssembly(Layers.Engine).Should()
            .NotDependOnAnyTypesThat().ResideInAssembly(Layers.Host, Layers.Viewer)
            .AndShould().NotDependOnAnyTypesThat().HaveFullNameMatching(@"^(Spectre\.Console|YamlDotNet)\.")
            .Because("the engine returns results and reports through IStageReporter; the front ends print, parse YAML and open windows")
            .Check(Model);
    }

    [Fact]
    public void Given_the_contract_When_its_dependencies_are_read_Then_it_uses_only_the_runtime_and_itself()
    {
        // Read from the dependency graph directly: ArchUnitNET 0.13's OnlyDependOnTypesThat() let a Microsoft.Win32 type through.
        var allowed = new Regex(@"^(System\.|StyleForge\.Plugins\.[A-Za-z]+$|<)");
        var contract = Model.Types.Where(t => t.Assembly.FullName == Layers.Contract.FullName).ToList();
        var outside = contract.SelectMany(t => t.Dependencies.Select(d => (From: t.FullName, To: d.Target.FullName)))
            .Where(d => !allowed.IsMatch(d.To))
            .Distinct()
            .Select(d => $"{d.From} -> {d.To}")
            .ToList();

        Assert.True(contract.Count > 10, $"expected the contract's types, found {contract.Count}");
        Assert.True(outside.Count == 0,
            "the contract uses types beyond the runtime and itself; third-party plugins build against it alone:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void Given_the_front_ends_When_their_dependencies_are_read_Then_plugin_loading_and_image_codecs_are_reached_only_through_the_engine()
    {
        Types().That().ResideInAssembly(Layers.Host).Should()
            .NotDependOnAnyTypesThat().HaveFullNameMatching(@"^(McMaster\.NETCore\.Plugins|SixLabors\.ImageSharp)\.")
            .Because("the catalog and texture I/O are the engine's; a verb or step that loads plugins or decodes images itself is a second engine")
            .Check(Model);
    }
}
