using System.Runtime.Loader;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Spectre.Console.Testing;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Options;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Training;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>The in-tree plugins as the host build stages them under plugins/, loaded the way the CLI loads them.</summary>
public sealed class InTreePluginLoadTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly PluginCatalog _catalog = PluginCatalog.Load(new[] { RepoLayout.HostPlugins });

    [Fact]
    public void Given_the_staged_plugins_When_loaded_Then_cyclegan_cut_onnx_and_colortransfer_load_with_no_failures()
    {
        Assert.Empty(_catalog.Failures);
        Assert.Equal(new[] { "colortransfer", "cut", "cyclegan", "onnx" }, _catalog.Plugins.Select(p => p.Name).Order());
        Assert.All(_catalog.Plugins, p => Assert.Equal(PluginApi.Current, p.Descriptor.ApiVersion));
    }

    [Fact]
    public void Given_the_cyclegan_plugin_When_it_trains_and_stylizes_Then_TorchSharp_runs_inside_the_plugin_load_context_only()
    {
        var cyclegan = _catalog.Find("cyclegan")!;
        WriteTextures(_temp.Combine("a"), seed: 1);
        WriteTextures(_temp.Combine("b"), seed: 2);
        var errors = new List<InputError>();
        var options = PluginOptionBinder.Bind(cyclegan.Descriptor, new[]
        {
            Option("ngf", "4"), Option("ndf", "4"), Option("blocks", "1"), Option("crop_size", "32"), Option("load_size", "32"),
            Option("iterations", "2"), Option("threads", "1"),
        }, errors);
        Assert.Empty(errors);
        var console = new HostConsole(new TestConsole(), new TestConsole());

        var result = TrainingLauncher.Train(new TrainingLaunch(cyclegan, _temp.Combine("a"), _temp.Combine("b"), _temp.Combine("model"), Resume: false, options),
            new StageEnvironment(console, Log: null, Seed: 0, Device: "cpu", CancellationToken.None));
        var context = new HostPluginContext(console, null, _temp.Path, new Progress<PluginProgress>(), CancellationToken.None, 0, "cpu");
        using var stylizer = cyclegan.Instance.OpenStylizer(new StylizerRequest(result.ModelDirectory, TranslationDirection.AToB, options), context);
        var input = new TextureBuffer(36, 28, 3, Enumerable.Range(0, 36 * 28 * 3).Select(i => (i % 97) / 96f).ToArray());
        var output = stylizer.Stylize(input, new StylizeSettings(), CancellationToken.None);

        Assert.Equal(2, result.Iterations);
        Assert.True(File.Exists(Path.Combine(result.ModelDirectory, ModelManifest.FileName)));
        Assert.Equal((36, 28, 3), (output.Width, output.Height, output.Channels));
        Assert.All(output.Pixels, v => Assert.InRange(v, 0f, 1f));
        var pluginContext = AssemblyLoadContext.GetLoadContext(cyclegan.Instance.GetType().Assembly)!;
        Assert.NotSame(AssemblyLoadContext.Default, pluginContext);
        Assert.Contains(pluginContext.Assemblies, a => a.GetName().Name == "TorchSharp");
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "TorchSharp");
    }

    private static OptionInput Option(string name, string value) => new(name, value, SourceLocation.CommandLine(name));

    private static void WriteTextures(string folder, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        for (var n = 0; n < 3; n++)
        {
            using var image = new Image<Rgb24>(32, 32);
            for (var y = 0; y < 32; y++)
            {
                for (var x = 0; x < 32; x++)
                {
                    image[x, y] = new Rgb24((byte)random.Next(256), (byte)(x * 8), (byte)(y * 8));
                }
            }
            image.SaveAsPng(Path.Combine(folder, $"t{n}.png"));
        }
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _temp.Dispose();
    }
}
