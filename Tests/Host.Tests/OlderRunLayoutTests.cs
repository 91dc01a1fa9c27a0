using Spectre.Console.Testing;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Training;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>A run folder written before the model moved from {run}/model/model to {run}/model is not trained over silently.</summary>
public sealed class OlderRunLayoutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_a_run_folder_of_the_older_layout_When_a_pipeline_trains_into_it_Then_it_stops_before_training_and_names_the_out_to_set()
    {
        // Given a run folder whose model is in model/model/, as pipelines used to leave it
        var run = _temp.Combine("run");
        var older = Directory.CreateDirectory(_temp.Combine("run", "model", "model")).FullName;
        new ModelManifest("cyclegan", "1.0.0", "1.0", 10).Write(older);
        Directory.CreateDirectory(_temp.Combine("a"));
        Directory.CreateDirectory(_temp.Combine("b"));
        var pipeline = _temp.Write("older.yaml", $"""
            name: older
            run_dir: "{run}"
            steps:
              - kind: train
                plugin: cyclegan
                a: "{_temp.Combine("a")}"
                b: "{_temp.Combine("b")}"
            """);
        using var catalog = PluginCatalog.Load(new[] { RepoLayout.HostPlugins });
        var error = new TestConsole { Profile = { Width = 400 } };

        // When the pipeline runs with the default 'out' (the run folder)
        var document = new PipelineLoader(StepKinds.All, catalog).Load(pipeline, Array.Empty<string>());
        var exit = await new PipelineRunner(new HostConsole(error, new TestConsole()), catalog).RunAsync(document, CancellationToken.None);

        // Then the step fails before training, names the older layout and the 'out' that continues it, and writes nothing
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("older run layout", error.Output);
        Assert.Contains($"set 'out: \"{Path.Combine(run, "model")}\"'", error.Output);
        Assert.False(Directory.Exists(Path.Combine(run, "checkpoints")), "training started");
    }
}
