using SixLabors.ImageSharp.Formats.Png;
using Spectre.Console.Testing;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Options;
using StyleForge.Engine.Runs;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>Stopping a conversion part-way, with the real ColorTransfer plugin.</summary>
public sealed class ConversionRunnerTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();

    public ConversionRunnerTests(ColorTransferModelFixture model) => _model = model;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_a_run_cancelled_after_its_first_file_When_run_again_Then_finished_files_are_kept_and_only_the_rest_convert()
    {
        var input = _temp.Combine("in");
        for (var i = 0; i < 6; i++)
        {
            TestImages.Write(Path.Combine(input, $"t{i}.png"), new PngEncoder(), 64, 64);
        }
        var request = new ConversionRequest(input, _temp.Combine("out"), TranslationDirection.AToB);
        using var catalog = PluginCatalog.Load(new[] { _model.PluginsRoot });
        var model = ConversionModel.Locate(catalog, _model.ModelDirectory, null, request.OutputRoot);
        var options = PluginOptionBinder.Bind(model.Plugin.Descriptor, Array.Empty<OptionInput>(), new List<InputError>());
        var console = new HostConsole(new TestConsole(), new TestConsole());
        using var stop = new CancellationTokenSource();
        var context = new HostPluginContext(console, null, _temp.Combine("work"), new Progress<PluginProgress>(), stop.Token, 0, "cpu");
        using var stylizer = model.Open(TranslationDirection.AToB, options, context);

        var plan = ConversionPlanner.Plan(request, model.Hash, model.OptionsHash(request, options), console.Warn);
        Assert.Throws<OperationCanceledException>(() =>
            new ConversionRunner(request, plan, console.Warn).Run(new Lazy<IStylizer>(stylizer), new CancelAfterFirstFile(stop), stop.Token));

        var written = Directory.EnumerateFiles(request.OutputRoot, "*.png").Select(Path.GetFileName).ToList();
        Assert.InRange(written.Count, 1, 5);
        Assert.Empty(Directory.EnumerateFiles(request.OutputRoot, "*" + AtomicFile.TemporarySuffix));
        var replan = ConversionPlanner.Plan(request, model.Hash, model.OptionsHash(request, options), console.Warn);
        Assert.Equal(6 - written.Count, replan.ToConvert.Count());
        Assert.All(replan.ToConvert, t => Assert.DoesNotContain(Path.GetFileName(t.RelativePath), written));
        var rest = new ConversionRunner(request, replan, console.Warn).Run(new Lazy<IStylizer>(stylizer), new Progress<PluginProgress>(), CancellationToken.None);
        Assert.Equal(6 - written.Count, rest.Converted.Count);
        Assert.Equal(6, Directory.EnumerateFiles(request.OutputRoot, "*.png").Count());
    }

    /// <summary>Presses Ctrl+C, in effect, as soon as the first file is reported finished.</summary>
    private sealed class CancelAfterFirstFile : IProgress<PluginProgress>
    {
        private readonly CancellationTokenSource _stop;

        public CancelAfterFirstFile(CancellationTokenSource stop) => _stop = stop;

        public void Report(PluginProgress value) => _stop.Cancel();
    }
}
