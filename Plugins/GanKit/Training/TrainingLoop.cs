using StyleForge.Plugins.GanKit.Checkpoints;
using StyleForge.Plugins.GanKit.Reporting;

namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// The part of a training run every GAN method shares: iterate to the end of the schedule, retry updates the
/// non-finite guard rejects, append losses.csv, write sample sheets, checkpoint on a cadence and when stopped, and
/// export the model at the end (or when stopped). A run stopped by cancellation resumes from its last checkpoint.
/// </summary>
internal sealed class TrainingLoop
{
    private readonly TrainingRequest _request;
    private readonly IPluginContext _context;
    private readonly CheckpointStore _checkpoints;

    public TrainingLoop(TrainingRequest request, IPluginContext context)
    {
        _request = request;
        _context = context;
        _checkpoints = new CheckpointStore(request.OutputDirectory);
    }

    /// <summary>The exported generators go here; it is the folder a stylizer loads.</summary>
    public string ModelDirectory => Path.Combine(_request.OutputDirectory, "model");

    /// <summary>Where the snapshot taken after <paramref name="iteration"/> iterations goes (the snapshot_every option).</summary>
    private string SnapshotDirectory(long iteration) => Path.Combine(_request.OutputDirectory, SnapshotsFolder, $"iter-{iteration:D8}");

    /// <summary>The folder of a run that holds its snapshots.</summary>
    public const string SnapshotsFolder = "snapshots";

    /// <summary>The checkpoint to resume from, or null to start afresh; refuses to overwrite a run that was not asked to resume.</summary>
    public string? FindResumeFolder()
    {
        var latest = _checkpoints.Latest;
        if (latest is not null && !_request.Resume)
        {
            throw new PluginException(
                $"{_request.OutputDirectory} already holds a training run (checkpoint {latest}); pass --resume to continue it, or choose another --out.");
        }
        if (latest is null && _request.Resume)
        {
            _context.Log.Info($"no checkpoint in {_checkpoints.Root} yet; starting from iteration 0");
        }
        return latest;
    }

    /// <summary>Refuses to resume under another schedule (the domains hold a different number of textures now).</summary>
    public static void CheckSchedule(string resumeFolder, LearningRateSchedule saved, LearningRateSchedule current)
    {
        if (saved != current)
        {
            throw new PluginException(
                $"cannot resume from {resumeFolder}: its schedule is {Describe(saved)}, this run's would be {Describe(current)} " +
                "(the domains now hold a different number of textures); resume with the same folders, or train into a new --out.");
        }
    }

    /// <summary>
    /// Runs <paramref name="method"/> from <paramref name="completed"/> iterations to the end of <paramref name="schedule"/>,
    /// checkpointing, writing sample sheets and exporting snapshots as often as <paramref name="cadence"/> says.
    /// </summary>
    public TrainingResult Run(ITrainingMethod method, LearningRateSchedule schedule, TrainingRandom random, long completed,
        TrainingCadence cadence)
    {
        var log = _context.Log;
        var cancellation = _context.Cancellation;
        var output = _request.OutputDirectory;
        var samples = Path.Combine(output, "samples");
        Directory.CreateDirectory(samples);
        var lastSaved = completed;
        var finalLosses = new Dictionary<string, double>();
        var guard = new NonFiniteGuard(schedule.TotalIterations);
        // A resumed average has averaged every update before the checkpoint; its warm-up goes on from there.
        method.Average?.Updates = completed;
        using (var losses = LossLog.Open(output, method.LossTerms, completed))
        {
            while (completed < schedule.TotalIterations)
            {
                var rate = schedule.RateAt(completed);
                var renderSample = (completed + 1) % cadence.SampleEvery == 0;
                var outcome = method.Step(rate, (double)completed / schedule.TotalIterations, random, renderSample);
                if (outcome.Rejection is string rejection)
                {
                    // Nothing was applied, so the weights and Adam moments are still the last good ones: retry this
                    // iteration with the next batch, up to the guard's limits.
                    log.Warn($"iteration {completed + 1}: {rejection} is not finite; the update was not applied, retrying with the next batch");
                    if (guard.Reject(completed + 1, rejection) is string failure)
                    {
                        throw new PluginException(failure + " " + Advice(lastSaved));
                    }
                    continue;
                }
                guard.Accept();
                method.Average?.Update();
                completed++;
                finalLosses = outcome.Losses;
                losses.Append(completed, rate, outcome.Losses);
                _context.Progress.Report(new PluginProgress("train", completed, schedule.TotalIterations, outcome.Losses));
                outcome.Sample?.WritePng(Path.Combine(samples, $"iter-{completed:D8}.png"));
                var stopping = cancellation.IsCancellationRequested;
                if (completed % cadence.CheckpointEvery == 0 || completed == schedule.TotalIterations || stopping)
                {
                    SaveCheckpoint(method, random, schedule, completed);
                    lastSaved = completed;
                }
                if (cadence.SnapshotEvery > 0 && completed % cadence.SnapshotEvery == 0)
                {
                    WriteSnapshot(method, completed);
                }
                if (stopping && completed < schedule.TotalIterations)
                {
                    Finish(method, completed);
                    log.Info($"stopped after iteration {completed}; the checkpoint in {_checkpoints.Latest} resumes it");
                    throw new OperationCanceledException(cancellation);
                }
            }
        }
        if (guard.Rejected > 0)
        {
            log.Warn($"{guard.Rejected} update(s) with non-finite values were skipped and retried (see the warnings above); none was applied");
        }
        if (lastSaved != completed)
        {
            SaveCheckpoint(method, random, schedule, completed);
        }
        Finish(method, completed);
        return new TrainingResult(ModelDirectory, completed, finalLosses);
    }

    private void SaveCheckpoint(ITrainingMethod method, TrainingRandom random, LearningRateSchedule schedule, long completed)
    {
        var state = new CheckpointState(CheckpointState.CurrentFormat, completed, random.State, schedule,
            new Dictionary<string, string>(_request.Options.All));
        _checkpoints.Save(completed, folder => method.WriteCheckpoint(folder, state));
        DrawLosses(method);
    }

    /// <summary>Exports the model as a snapshot, complete or absent; a resumed run that reaches the same iteration replaces it.</summary>
    private void WriteSnapshot(ITrainingMethod method, long completed) =>
        AtomicFolder.Write(SnapshotDirectory(completed), folder => method.Export(folder, completed));

    private void Finish(ITrainingMethod method, long completed)
    {
        method.Export(ModelDirectory, completed);
        DrawLosses(method);
    }

    private void DrawLosses(ITrainingMethod method)
    {
        var csv = Path.Combine(_request.OutputDirectory, LossLog.FileName);
        try
        {
            LossPlot.Write(csv, Path.Combine(_request.OutputDirectory, LossPlot.FileName), method.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The plot is a convenience; losses.csv holds the data, so a drawing failure must not end a long run.
            _context.Log.Warn($"could not draw {LossPlot.FileName}: {ex.Message}");
        }
    }

    private string Advice(long lastSaved) =>
        (_checkpoints.Latest is string latest
            ? $"No non-finite value reached the weights; the last checkpoint ({latest}, iteration {lastSaved}) is intact and --resume continues from it. "
            : "No non-finite value reached the weights; no checkpoint was written yet. ") +
        "Try a lower lr; if it happens at lr 0 it is a numerical defect of this CPU's kernels: note the CPU (/proc/cpuinfo), " +
        "and try ONEDNN_MAX_CPU_ISA=SSE41 (slower, but uses other oneDNN kernels).";

    private static string Describe(LearningRateSchedule s) =>
        $"{s.ConstantSteps} constant + {s.DecaySteps} decaying steps of {s.IterationsPerStep} iterations";
}
