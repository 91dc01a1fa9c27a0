using StyleForge.Plugins.GanKit;
using StyleForge.Plugins.GanKit.Checkpoints;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Runtime;
using StyleForge.Plugins.GanKit.Training;

namespace StyleForge.Plugins.Cut.Training;

/// <summary>
/// A whole CUT training run: prepares data and networks (fresh or from the last checkpoint), then lets
/// <see cref="TrainingLoop"/> run the iterations and write losses.csv, samples/, checkpoints/, losses.png and the
/// exported model/ (G as the A-to-B generator; CUT learns no B-to-A mapping).
/// </summary>
internal sealed class CutTraining
{
    private readonly TrainingRequest _request;
    private readonly IPluginContext _context;
    private readonly CutSettings _settings;
    private readonly TrainingLoop _loop;

    public CutTraining(TrainingRequest request, IPluginContext context)
    {
        _request = request;
        _context = context;
        _settings = CutSettings.From(request.Options);
        _loop = new TrainingLoop(request, context);
    }

    public TrainingResult Run()
    {
        var log = _context.Log;
        var cancellation = _context.Cancellation;
        Directory.CreateDirectory(_request.OutputDirectory);
        var resumeFolder = _loop.FindResumeFolder();
        var resumeState = resumeFolder is null ? null
            : CheckpointFiles.ReadCompatibleState(resumeFolder, saved => CutSettings.From(saved).ResumeSensitive(), _settings.ResumeSensitive());

        var device = TorchDevice.Resolve(_settings.Device, _context.Device);
        var threadCount = _settings.Threads > 0 ? _settings.Threads : Environment.ProcessorCount;
        using var threads = IntraOpThreads.Use(threadCount);
        using var domainA = DomainImages.Load(_request.DomainA, "A", _settings.LoadSize, device, log, cancellation);
        using var domainB = DomainImages.Load(_request.DomainB, "B", _settings.LoadSize, device, log, cancellation);
        var schedule = _settings.Schedule(Math.Max(domainA.Count, domainB.Count));
        if (resumeState is not null)
        {
            TrainingLoop.CheckSchedule(resumeFolder!, resumeState.Schedule, schedule);
        }

        using var networks = new CutNetworks(_settings, device, _context.Seed);
        var random = new TrainingRandom(unchecked((ulong)_context.Seed));
        var completed = 0L;
        if (resumeState is not null)
        {
            CheckpointFiles.Restore(resumeFolder!, networks.CheckpointNetworks, networks.Optimizers);
            random = new TrainingRandom(resumeState.RandomState);
            completed = resumeState.Iteration;
            log.Info($"resuming at iteration {completed} of {schedule.TotalIterations} from {resumeFolder}");
        }
        log.Info($"training {(_settings.FastCut ? "FastCUT" : "CUT")} on {device.type}: {domainA.Count} textures of A, {domainB.Count} of B, " +
            $"{schedule.TotalIterations} iterations, {threadCount} thread(s)");

        var method = new Method(_settings, networks, new CutIteration(networks, _settings), domainA, domainB);
        return _loop.Run(method, schedule, random, completed, new TrainingCadence(_settings.CheckpointEvery, _settings.SampleEvery, _settings.SnapshotEvery));
    }

    /// <summary>CUT's part of the loop: its iteration, its three networks and optimisers, and one exported generator.</summary>
    private sealed class Method(CutSettings settings, CutNetworks networks, CutIteration iteration, DomainImages domainA, DomainImages domainB)
        : ITrainingMethod
    {
        public string Name => settings.FastCut ? "FastCUT" : "CUT";

        public IReadOnlyList<string> LossTerms => CutIteration.LossTerms(settings);

        public GeneratorAverage? Average => networks.Average;

        public IterationOutcome Step(double learningRate, double progress, TrainingRandom random, bool renderSample) =>
            iteration.Run(domainA, domainB, learningRate, random, renderSample);

        public void WriteCheckpoint(string folder, CheckpointState state) =>
            CheckpointFiles.Write(folder, networks.CheckpointNetworks, networks.Optimizers, state);

        public void Export(string modelDirectory, long iterations) =>
            GeneratorExport.Write(modelDirectory, [(TranslationDirection.AToB, networks.ExportedGenerator)], iterations,
                WorkingScale.Of(domainA.Scales.Concat(domainB.Scales)));
    }
}
