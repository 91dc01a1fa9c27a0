using SixLabors.ImageSharp.Formats.Png;
using Spectre.Console.Testing;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Options;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Training;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;

namespace StyleForge.Conversion.Tests;

/// <summary>
/// A tiny real CycleGAN (ngf 4, one residual block, 32 px crops, two iterations) trained once
/// through the staged plugin, so tests can check what the product's network does to sizes and layouts.
/// </summary>
public sealed class CycleGanModelFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public CycleGanModelFixture()
    {
        for (var i = 0; i < 2; i++)
        {
            TestImages.Write(_temp.Combine("a", $"a{i}.png"), new PngEncoder(), 40, 40);
            TestImages.Write(_temp.Combine("b", $"b{i}.png"), new PngEncoder(), 44, 36);
        }
        using var catalog = PluginCatalog.Load(new[] { PluginsRoot });
        var plugin = catalog.Find("cyclegan")
            ?? throw new InvalidOperationException($"the cyclegan plugin is not staged under {PluginsRoot}; build Host/Host.csproj first");
        var settings = new Dictionary<string, string>
        {
            ["ngf"] = "4", ["ndf"] = "4", ["blocks"] = "1", ["crop_size"] = "32", ["load_size"] = "36", ["iterations"] = "2", ["device"] = "cpu",
        };
        var options = PluginOptionBinder.Bind(plugin.Descriptor,
            settings.Select(s => new OptionInput(s.Key, s.Value, SourceLocation.CommandLine(s.Key))), new List<InputError>());
        ModelDirectory = TrainingLauncher.Train(new TrainingLaunch(plugin, _temp.Combine("a"), _temp.Combine("b"), _temp.Combine("run"), Resume: false, options),
            new StageEnvironment(new HostConsole(new TestConsole(), new TestConsole()), Log: null, Seed: 0, Device: "cpu", CancellationToken.None)).ModelDirectory;
    }

    public string PluginsRoot => RepoLayout.HostPlugins;

    public string ModelDirectory { get; }

    public void Dispose() => _temp.Dispose();
}
