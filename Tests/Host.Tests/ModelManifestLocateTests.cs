using StyleForge.Engine.Training;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>Model lookup is exact: a model folder, or a run or training folder whose model/ holds the model; nothing above.</summary>
public sealed class ModelManifestLocateTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Model(params string[] folder)
    {
        var directory = _temp.Combine(folder);
        new ModelManifest("someplugin", "1.0.0", "1.0", 10).Write(Directory.CreateDirectory(directory).FullName);
        return directory;
    }

    [Fact]
    public void Given_a_model_folder_When_located_Then_it_is_the_model()
    {
        var model = Model("run", "model");

        Assert.Equal(model, ModelManifest.Locate(model)?.Directory);
    }

    [Fact]
    public void Given_a_run_folder_When_located_Then_its_model_folder_is_the_model()
    {
        var model = Model("run", "model");

        Assert.Equal(model, ModelManifest.Locate(_temp.Combine("run"))?.Directory);
    }

    [Fact]
    public void Given_a_folder_inside_a_run_When_located_Then_nothing_is_found_rather_than_the_run_above()
    {
        Model("run", "model");
        var inside = Directory.CreateDirectory(_temp.Combine("run", "converted", "testA")).FullName;

        Assert.Null(ModelManifest.Locate(inside));
    }

    [Fact]
    public void Given_a_run_folder_of_the_older_layout_When_located_Then_the_error_names_the_folder_to_pass_instead()
    {
        Model("run", "model", "model");

        var error = Assert.Throws<InvalidDataException>(() => ModelManifest.Locate(_temp.Combine("run")));

        Assert.Contains("model/model/", error.Message);
        Assert.Contains($"pass {_temp.Combine("run", "model")} instead", error.Message);
        Assert.Equal(_temp.Combine("run", "model", "model"), ModelManifest.Locate(_temp.Combine("run", "model"))?.Directory);
    }
}
