using StyleForge.Plugins.CycleGan.Checkpoints;
using StyleForge.Plugins.GanKit;
using StyleForge.Plugins.GanKit.Checkpoints;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Reporting;
using StyleForge.Plugins.GanKit.Runtime;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.Plugins.CycleGan.Training;

/// <summary>
/// A whole training run: prepares data, networks and pools (fresh or from the last checkpoint), runs
/// the iterations, and writes losses.csv, samples/, checkpoints/, losses.png and the exported model/.
/// </summary>
internal sealed class CycleGanTraining
{
    private readonly TrainingRequest _request;
    private readonly IPluginContext _context;
    private readonly TrainingSettings _settings;
    private readonly CheckpointStore _checkpoints;

    public CycleGanTraining(TrainingRequest request, IPluginContext context)
    {
        _request = request;
        _context = context;
        _settings = TrainingSettings.From(request.Options);
        _checkpoints = new CheckpointStore(request.OutputDirectory);
    }

    /// <summary>The exported generators go here; it is the folder a stylizer loads.</summary>
    public string ModelDirectory => Path.Combine(_request.OutputDirectory, "model");

    public TrainingResult Run()
    {
        var log = _context.Log;
        var cancellation = _context.Cancellation;
        var output = _request.OutputDirectory;
        Directory.CreateDirectory(output);
        var resumeFolder = FindResumeFolder();
        var resumeState = resumeFolder is null ? null : TrainingCheckpoint.ReadCompatibleState(resumeFolder, _settings);

        var device = TorchDevice.Resolve(_settings.Device, _context.Device);
        var (streams, intraOpThreads) = TrainingIteration.PlanThreads(device, _settings.Threads);
        using var threads = IntraOpThreads.Use(intraOpThreads);
        using var domainA = DomainImages.Load(_request.DomainA, "A", _settings.LoadSize, device, log, cancellation);
        using var domainB = DomainImages.Load(_request.DomainB, "B", _settings.LoadSize, device, log, cancellation);
        var schedule = _settings.Schedule(Math.Max(domainA.Count, domainB.Count));
        if (resumeState is not null && resumeState.Schedule != schedule)
        {
            throw new PluginException(
                $"cannot resume from {resumeFolder}: its schedule is {Describe(resumeState.Schedule)}, this run's would be {Describe(schedule)} " +
                "(the domains now hold a different number of textures); resume with the same folders, or train into a new --out.");
        }

        using var networks = new CycleGanNetworks(_settings, device, _context.Seed);
        using var fakeAPool = new ImagePool(_settings.PoolSize);
        using var fakeBPool = new ImagePool(_settings.PoolSize);
        var random = new TrainingRandom(unchecked((ulong)_context.Seed));
        var completed = 0L;
        if (resumeState is not null)
        {
            TrainingCheckpoint.Restore(resumeFolder!, networks, fakeAPool, fakeBPool, device);
            random = new TrainingRandom(resumeState.RandomState);
            completed = resumeState.Iteration;
            log.Info($"resuming at iteration {completed} of {schedule.TotalIterations} from {resumeFolder}");
        }
        log.Info($"training on {device.type}: {domainA.Count} textures of A, {domainB.Count} of B, {schedule.TotalIterations} iterations, " +
            $"{streams} stream(s) of {intraOpThreads} thread(s)");

        var iteration = new TrainingIteration(networks, fakeAPool, fakeBPool, _settings, streams);
        var samples = Path.Combine(output, "samples");
        Directory.CreateDirectory(samples);
        var lastSaved = completed;
        var finalLosses = new Dictionary<string, double>();
        var guard = new NonFiniteGuard(schedule.TotalIterations);
        using (var losses = LossLog.Open(output, TrainingIteration.LossTerms, completed))
        {
            while (completed < schedule.TotalIterations)
            {
                var rate = schedule.RateAt(completed);
                var renderSample = (completed + 1) % _settings.SampleEvery == 0;
                var outcome = iteration.Run(domainA, domainB, rate, random, renderSample);
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
                completed++;
                finalLosses = outcome.Losses;
                losses.Append(completed, rate, outcome.Losses);
                _context.Progress.Report(new PluginProgress("train", completed, schedule.TotalIterations, outcome.Losses));
                outcome.Sample?.WritePng(Path.Combine(samples, $"iter-{completed:D8}.png"));
                var stopping = cancellation.IsCancellationRequested;
                if (completed % _settings.CheckpointEvery == 0 || completed == schedule.TotalIterations || stopping)
                {
                    SaveCheckpoint(networks, fakeAPool, fakeBPool, random, schedule, completed);
                    lastSaved = completed;
                }
                if (stopping && completed < schedule.TotalIterations)
                {
                    Finish(networks, completed);
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
            SaveCheckpoint(networks, fakeAPool, fakeBPool, random, schedule, completed);
        }
        Finish(networks, completed);
        return new TrainingResult(ModelDirectory, completed, finalLosses);
    }

    /// <summary>The checkpoint to resume from, or null to start afresh; refuses to overwrite a run that was not asked to resume.</summary>
    private string? FindResumeFolder()
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

    private void SaveCheckpoint(CycleGanNetworks networks, ImagePool fakeAPool, ImagePool fakeBPool, TrainingRandom random,
        LearningRateSchedule schedule, long completed)
    {
        var state = new CheckpointState(CheckpointState.CurrentFormat, completed, random.State, schedule,
            new Dictionary<string, string>(_request.Options.All));
        _checkpoints.Save(completed, folder => TrainingCheckpoint.Write(folder, networks, fakeAPool, fakeBPool, state));
        DrawLosses();
    }

    private void Finish(CycleGanNetworks networks, long completed)
    {
        GeneratorExport.Write(ModelDirectory, networks.G_A, networks.G_B, completed);
        DrawLosses();
    }

    private void DrawLosses()
    {
        var csv = Path.Combine(_request.OutputDirectory, LossLog.FileName);
        try
        {
            LossPlot.Write(csv, Path.Combine(_request.OutputDirectory, LossPlot.FileName), "CycleGAN");
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
