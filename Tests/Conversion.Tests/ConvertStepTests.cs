using SixLabors.ImageSharp.Formats.Png;
using Spectre.Console.Testing;
using StyleForge.Engine.Catalog;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>The <c>convert</c> pipeline step through the real loader and runner, with the real ColorTransfer model.</summary>
public sealed class ConvertStepTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();

    public ConvertStepTests(ColorTransferModelFixture model) => _model = model;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_a_pipeline_with_a_convert_step_When_run_twice_Then_it_converts_then_skips_and_honours_its_keys()
    {
        var input = _temp.Combine("in");
        TestImages.Write(Path.Combine(input, "world/wall.png"), new PngEncoder());
        TestImages.Write(Path.Combine(input, "world/wall_spec.png"), new PngEncoder());
        TestImages.Write(Path.Combine(input, "ui/button.png"), new PngEncoder());
        var pipeline = Path.Combine(_temp.Path, "convert.yaml");
        File.WriteAllText(pipeline, $"""
            name: convert-only
            run_dir: {_temp.Combine("run")}
            steps:
              - kind: convert
                plugin: colortransfer
                model: {_model.ModelDirectory}
                input: {input}
                output: "{"{run}"}/converted"
                direction: b2a
                exclude: ["ui/**"]
                skip_suffixes: ["_spec=specular map"]
                options:
                  strength: 0.5
            """);
        var error = new TestConsole().Width(200);

        var first = await Run(pipeline, error);
        var second = await Run(pipeline, error);

        Assert.Equal((0, 0), (first, second));
        var converted = _temp.Combine("run", "converted");
        Assert.True(File.Exists(Path.Combine(converted, "world/wall.png")));
        Assert.False(File.Exists(Path.Combine(converted, "world/wall_spec.png")));
        Assert.False(File.Exists(Path.Combine(converted, "ui/button.png")));
        Assert.Contains("converted 1, skipped 1 (1 not a colour map [_spec 1])", error.Output);
        Assert.Contains("converted 0, skipped 2 (1 not a colour map [_spec 1], 1 up to date)", error.Output);
        // The resolved config records the typed values as they are written, not the objects the loader made
        var values = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_temp.Combine("run", PipelineRunner.ResolvedConfigFile)))
            .RootElement.GetProperty("steps")[0].GetProperty("values");
        Assert.Equal("1/1", values.GetProperty("shard").GetString());
        Assert.Equal("_spec=specular map", values.GetProperty("skip_suffixes")[0].GetString());
        Assert.Equal("ui/**", values.GetProperty("exclude")[0].GetString());
    }

    [Fact]
    public void Given_a_step_naming_another_plugin_than_the_model_When_run_Then_it_is_refused_before_anything_runs_like_the_convert_verb()
    {
        var input = _temp.Combine("in");
        TestImages.Write(Path.Combine(input, "a.png"), new PngEncoder());
        var pipeline = Path.Combine(_temp.Path, "wrong.yaml");
        File.WriteAllText(pipeline, $"""
            name: wrong-plugin
            run_dir: {_temp.Combine("run")}
            steps:
              - kind: convert
                plugin: cyclegan
                model: {_model.ModelDirectory}
                input: {input}
                output: "{"{run}"}/converted"
            """);

        var run = ConvertCli.Run("run", pipeline, "--plugins", _model.PluginsRoot);
        var verb = ConvertCli.Run("convert", "--plugin", "cyclegan", "--model", _model.ModelDirectory, "--input", input,
            "--output", _temp.Combine("out"), "--plugins", _model.PluginsRoot);

        // The same setup error: exit 2 from both, the pipeline's located at the model key, and no step ran
        Assert.Equal((2, 2), (run.Exit, verb.Exit));
        Assert.Contains("wrong.yaml:6:", run.Error);
        Assert.Contains("plugin: colortransfer", run.Error);
        Assert.Contains("--plugin colortransfer", verb.Error);
        Assert.False(Directory.Exists(_temp.Combine("run")));
    }

    private async Task<int> Run(string pipeline, TestConsole error)
    {
        using var catalog = PluginCatalog.Load(new[] { _model.PluginsRoot });
        var document = new PipelineLoader(StepKinds.All, catalog).Load(pipeline, Array.Empty<string>());
        return await new PipelineRunner(new HostConsole(error, new TestConsole()), catalog).RunAsync(document, CancellationToken.None);
    }
}
