using System.Text.RegularExpressions;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>
/// The non-finite guard as a user meets it, through the real CLI in a child process: a NaN gradient is injected with
/// STYLEFORGE_FAULT_NONFINITE_GRADIENT (the plugin's test hook), and a model file is damaged with a NaN weight.
/// </summary>
public sealed class TrainingGuardTests : IDisposable
{
    private static readonly string[] TinyModel =
        ["ngf=4", "ndf=4", "blocks=1", "crop_size=32", "load_size=32", "threads=1", "device=cpu", "pool_size=2", "sample_every=1000"];

    private readonly TempFolder _temp = new();

    public TrainingGuardTests()
    {
        var (exit, error) = Run($"sample daynight --out \"{Data}\" --count 4 --test-count 2 --size 32");
        Assert.True(exit == 0, error);
    }

    private string Data => _temp.Combine("data");

    [Fact]
    public void Given_one_non_finite_gradient_When_training_Then_the_update_is_skipped_retried_and_the_run_ends_finite()
    {
        // When attempt 3 gets a NaN gradient
        var output = _temp.Combine("run");
        var (exit, error) = Train(output, fault: "3", resume: false, "iterations=6");

        // Then the run still completes all 6 iterations, says what it skipped, and logs only finite losses
        Assert.True(exit == 0, error);
        Assert.Contains("iteration 3: the gradient of G_A", error);
        Assert.Contains("was not applied", error);
        Assert.Contains("1 update(s) with non-finite values were skipped", error);
        var rows = File.ReadAllLines(Path.Combine(output, "losses.csv")).Skip(1).ToList();
        Assert.Equal(6, rows.Count);
        Assert.DoesNotContain(rows, row => row.Contains("NaN", StringComparison.Ordinal) || row.Contains("Infinity", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_gradients_that_stay_non_finite_When_training_Then_it_stops_with_exit_1_and_the_last_checkpoint_resumes()
    {
        // When every attempt from the 5th on has a NaN gradient, with a checkpoint every 2 iterations
        var output = _temp.Combine("run");
        var (exit, error) = Train(output, fault: "5-1000", resume: false, "iterations=8", "checkpoint_every=2");

        // Then training stops after five rejected attempts with exit 1 and says what happened and what to try
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("training stopped at iteration 5: 5 updates in a row had non-finite values", error);
        Assert.Contains("iteration 4) is intact", error);
        Assert.Contains("ONEDNN_MAX_CPU_ISA", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(Path.Combine(output, "model", "G_A.pt")), "a failed run must not export a model");

        // And the last checkpoint is intact: resuming without the fault finishes the run from iteration 4
        var (resumed, resumeError) = Train(output, fault: null, resume: true, "iterations=8", "checkpoint_every=2");
        Assert.True(resumed == 0, resumeError);
        Assert.Contains("resuming at iteration 4", resumeError);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(output, "losses.csv")).Length - 1);
    }

    [Fact]
    public void Given_a_pipeline_whose_training_fails_When_run_Then_it_stops_there_with_exit_1()
    {
        // Given a pipeline that trains and then converts
        var pipeline = _temp.Combine("guard.yaml");
        var run = _temp.Combine("pipeline-run");
        File.WriteAllText(pipeline, $"""
            name: guard
            run_dir: "{run}"
            steps:
              - kind: train
                plugin: cyclegan
                a: "{Data}/trainA"
                b: "{Data}/trainB"
                out: "{run}/model"
                options:
                  {string.Join("\n      ", TinyModel.Select(o => o.Replace("=", ": ", StringComparison.Ordinal)))}
                  iterations: 4
              - kind: convert
                input: "{Data}/testA"
                output: "{run}/converted"
                direction: a2b
            """);

        // When every update is non-finite
        var (exit, error) = Run($"run \"{pipeline}\"", fault: "1-1000");

        // Then the train step fails, convert never runs, and the exit code is 1
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("step 'train' (train) failed", error);
        Assert.False(Directory.Exists(Path.Combine(run, "converted")));
    }

    [Fact]
    public void Given_a_model_with_a_NaN_weight_When_converting_Then_convert_refuses_with_exit_2_naming_file_and_tensor()
    {
        // Given a trained model whose G_A.pt ends in a NaN: the last float of the file is the last value of the
        // state dictionary's last tensor, the output convolution's bias
        var output = _temp.Combine("run");
        var (trained, trainError) = Train(output, fault: null, resume: false, "iterations=2");
        Assert.True(trained == 0, trainError);
        var weights = Path.Combine(output, "model", "G_A.pt");
        var bytes = File.ReadAllBytes(weights);
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, bytes.Length - 4);
        File.WriteAllBytes(weights, bytes);

        // When it converts
        var converted = _temp.Combine("converted");
        var (exit, error) = Run($"convert --model \"{output}\" --input \"{Data}/testA\" --output \"{converted}\" --direction a2b");

        // Then convert refuses before writing anything, naming the file and the tensor
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("G_A.pt", error);
        Assert.Contains("model.18.bias (1 of 3 values)", error);
        Assert.Contains("not finite", error);
        Assert.False(Directory.Exists(converted) && Directory.EnumerateFiles(converted, "*.png", SearchOption.AllDirectories).Any());
    }

    public void Dispose() => _temp.Dispose();

    private (int Exit, string Error) Train(string output, string? fault, bool resume, params string[] options)
    {
        var sets = string.Join(" ", TinyModel.Concat(options).Select(o => $"--set {o}"));
        return Run($"train --a \"{Data}/trainA\" --b \"{Data}/trainB\" --out \"{output}\" {sets}{(resume ? " --resume" : "")}", fault);
    }

    private static (int Exit, string Error) Run(string arguments, string? fault = null)
    {
        var environment = fault is null ? null : new Dictionary<string, string> { ["STYLEFORGE_FAULT_NONFINITE_GRADIENT"] = fault };
        var (exit, error) = HostProcess.Run("dotnet", $"\"{RepoLayout.HostDll}\" {arguments}", environment);
        // The console wraps long messages at its width; join the lines so phrases can be matched whole.
        return (exit, Regex.Replace(error, @"\s+", " "));
    }
}
