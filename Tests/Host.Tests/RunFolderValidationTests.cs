using StyleForge.Engine.Catalog;
using StyleForge.Host.Pipelines;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>
/// A train step trains into the run folder by default; that must not make every path under the run folder count as
/// written by it, or a mistyped path in a later step would be found only after training.
/// </summary>
public sealed class RunFolderValidationTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly PluginCatalog _catalog = PluginCatalog.Load(new[] { RepoLayout.HostPlugins });

    public void Dispose()
    {
        _catalog.Dispose();
        _temp.Dispose();
    }

    private PipelineDocument Load(string pred)
    {
        var file = _temp.Write("layout.yaml", $$"""
            name: layout
            run_dir: "{{_temp.Combine("run")}}"
            steps:
              - kind: sample
              - kind: train
                plugin: cyclegan
                a: "{run}/data/trainA"
                b: "{run}/data/trainB"
              - kind: convert
                input: "{run}/data/testA"
                output: "{run}/converted/testA"
              - kind: evaluate
                pred: "{{pred}}"
              - kind: report
                model: "{run}"
            """);
        return new PipelineLoader(StepKinds.All, _catalog).Load(file, Array.Empty<string>());
    }

    [Fact]
    public void Given_a_train_step_into_the_run_folder_When_a_later_step_names_a_mistyped_folder_under_it_Then_load_refuses_it()
    {
        var error = Assert.Throws<PipelineValidationException>(() => Load("{run}/convertd/testA"));

        Assert.Contains(error.Errors, e => e.Message.Contains("convertd", StringComparison.Ordinal) && e.Message.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_train_step_into_the_run_folder_When_later_steps_name_what_earlier_steps_write_and_the_run_folder_Then_it_loads()
    {
        var document = Load("{run}/converted/testA");

        Assert.Equal(5, document.Steps.Count);
        Assert.Equal(_temp.Combine("run"), document.Steps[1].GetPath("out"));
    }
}
