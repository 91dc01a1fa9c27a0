using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Spectre.Console.Testing;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Options;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Training;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;

namespace StyleForge.Conversion.Tests;

/// <summary>
/// A real model for end-to-end tests: the in-tree ColorTransfer plugin, loaded from the host
/// build's plugins folder and trained once on warm (A) and cool (B) textures, so a2b visibly
/// shifts colours towards blue.
/// </summary>
public sealed class ColorTransferModelFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public ColorTransferModelFixture()
    {
        var a = Directory.CreateDirectory(_temp.Combine("a")).FullName;
        var b = Directory.CreateDirectory(_temp.Combine("b")).FullName;
        for (var i = 0; i < 3; i++)
        {
            Solid(Path.Combine(a, $"warm{i}.png"), 200 - i * 20, 120, 60);
            Solid(Path.Combine(b, $"cool{i}.png"), 40, 90, 190 + i * 20);
        }
        using var catalog = PluginCatalog.Load(new[] { PluginsRoot });
        var plugin = catalog.Find("colortransfer")
            ?? throw new InvalidOperationException($"the colortransfer plugin is not staged under {PluginsRoot}; build Host/Host.csproj first");
        var options = PluginOptionBinder.Bind(plugin.Descriptor, Array.Empty<OptionInput>(), new List<InputError>());
        ModelDirectory = _temp.Combine("run", "model");
        TrainingLauncher.Train(new TrainingLaunch(plugin, a, b, ModelDirectory, Resume: false, options),
            new StageEnvironment(new HostConsole(new TestConsole(), new TestConsole()), Log: null, Seed: 0, Device: "cpu", CancellationToken.None));
    }

    public string PluginsRoot => RepoLayout.HostPlugins;

    public string ModelDirectory { get; }

    private static void Solid(string path, int r, int g, int b)
    {
        using var image = new Image<Rgb24>(16, 16);
        for (var y = 0; y < 16; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                image[x, y] = new Rgb24((byte)Math.Clamp(r + x * 2, 0, 255), (byte)Math.Clamp(g + y * 2, 0, 255), (byte)b);
            }
        }
        image.SaveAsPng(path);
    }

    public void Dispose() => _temp.Dispose();
}
