using StyleForge.Engine.Training;
using StyleForge.Host.Requests;

namespace StyleForge.Host.Pipelines.Steps;

/// <summary><c>kind: train</c>: trains a plugin on two unpaired folders.</summary>
internal sealed class TrainStep : IPipelineStep
{
    public string Kind => "train";

    public string Description => "Train a stylizer plugin on two unpaired texture folders.";

    public IReadOnlyList<StepKey> Keys { get; } = new[]
    {
        new StepKey("a", StepKeyType.InputPath, "folder of domain A textures") { Required = true },
        new StepKey("b", StepKeyType.InputPath, "folder of domain B textures, unrelated to A's") { Required = true },
        new StepKey("out", StepKeyType.OutputPath, "training folder, as 'train --out': checkpoints, samples, losses, and the model in model/", "{run}"),
        new StepKey("resume", StepKeyType.Boolean, "continue from the last checkpoint in 'out' when there is one", "true"),
    };

    public StepPluginUse PluginUse => StepPluginUse.Trainer;

    public Task<int> RunAsync(StepInvocation step, PipelineRun run)
    {
        var output = step.GetPath("out");
        // Pipelines once trained into {run}/model, so the model sat in {run}/model/model. Training into such a run folder
        // now would start over beside the old checkpoints instead of resuming them: say how to keep using them.
        var older = Path.Combine(output, "model");
        if (File.Exists(Path.Combine(older, "model", ModelManifest.FileName)) && !File.Exists(Path.Combine(older, ModelManifest.FileName)))
        {
            throw new StepFailedException(
                $"{step.Where}: {output} holds a training of the older run layout (its model is in model/model/); set 'out: \"{older}\"' " +
                $"on step '{step.Id}' to continue it, or move {older} away to train into {output} afresh");
        }
        var resume = step.GetBoolean("resume") && Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any();
        TrainingLaunch launch;
        try
        {
            launch = TrainingLaunchBuilder.Build(run.Plugin(step), step.GetPath("a"), step.GetPath("b"), output, resume, step.PluginOptions!);
        }
        catch (ArgumentException ex)
        {
            throw new StepFailedException($"{step.Where}: {ex.Message}");
        }
        var result = TrainingLauncher.Train(launch, run.Environment);
        if (Path.TrimEndingDirectorySeparator(Path.GetFullPath(result.ModelDirectory)) == Path.TrimEndingDirectorySeparator(run.RunDirectory))
        {
            // The model folder is fingerprinted file by file for every conversion: the whole run folder cannot be one.
            throw new StepFailedException(
                $"{step.Where}: plugin '{launch.Plugin.Name}' wrote its model into the training folder itself, here the run folder {run.RunDirectory}; " +
                $"set 'out: \"{Path.Combine(run.RunDirectory, "model")}\"' on step '{step.Id}' to give it a folder of its own");
        }
        run.Console.Info($"model: {result.ModelDirectory} ({result.Iterations} iterations)");
        return Task.FromResult(0);
    }
}
