using StyleForge.Plugins.CycleGan.Checkpoints;
using StyleForge.Plugins.GanKit;
using StyleForge.Plugins.GanKit.Checkpoints;
using StyleForge.Plugins.GanKit.Export;
using StyleForge.Plugins.GanKit.Runtime;
using StyleForge.Plugins.GanKit.Training;

namespace StyleForge.Plugins.CycleGan.Training;

/// <summary>
/// A whole CycleGAN training run: prepares data, networks and pools (fresh or from the last checkpoint), then lets
/// <see cref="TrainingLoop"/> run the iterations and write losses.csv, samples/, checkpoints/, losses.png and the
/// exported model/.
/// </summary>
internal sealed class CycleGanTraining
{
    private readonly TrainingRequest _request;
    private readonly IPluginContext _context;
    private readonly TrainingSettings _settings;
    private readonly TrainingLoop _loop;

    public CycleGanTraining(TrainingRequest request, IPluginContext context)
    {
        _request = request;
        _context = context;
        _settings = TrainingSettings.From(request.Options);
        _loop = new TrainingLoop(request, context);
    }

    /// <summary>The exported generators go here; it is the folder a stylizer loads.</summary>
    public string ModelDirectory => _loop.ModelDirectory;

    public TrainingResult Run()
    {
        var log = _context.Log;
        var cancellation = _context.Cancellation;
        Directory.CreateDirectory(_request.OutputDirectory);
        var resumeFolder = _loop.FindResumeFolder();
        var resumeState = resumeFolder is null ? null : TrainingCheckpoint.ReadCompatibleState(resumeFolder, _settings);

        var device = TorchDevice.Resolve(_settings.Device, _context.Device);
        var (streams, intraOpThreads) = TrainingIteration.PlanThreads(device, _settings.Threads);
        using var threads = IntraOpThreads.Use(intraOpThreads);
        using var domainA = DomainImages.Load(_request.DomainA, "A", _settings.LoadSize, device, log, cancellation);
        using var domainB = DomainImages.Load(_request.DomainB, "B", _settings.LoadSize, device, log, cancellation);
        var schedule = _settings.Schedule(Math.Max(domainA.Count, domainB.Count));
        if (resumeState is not null)
        {
            TrainingLoop.CheckSchedule(resumeFolder!, resumeState.Schedule, schedule);
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

        var method = new Method(networks, fakeAPool, fakeBPool, new TrainingIteration(networks, fakeAPool, fakeBPool, _settings, streams), domainA, domainB);
        return _loop.Run(method, schedule, random, completed, new TrainingCadence(_settings.CheckpointEvery, _settings.SampleEvery, _settings.SnapshotEvery));
    }

    /// <summary>CycleGAN's part of the loop: its iteration, its checkpoint layout, and both generators exported.</summary>
    private sealed class Method(CycleGanNetworks networks, ImagePool fakeAPool, ImagePool fakeBPool, TrainingIteration iteration,
        DomainImages domainA, DomainImages domainB) : ITrainingMethod
    {
        public string Name => "CycleGAN";

        public IReadOnlyList<string> LossTerms => iteration.LossTerms;

        public GeneratorAverage? Average => networks.Average;

        public IterationOutcome Step(double learningRate, double progress, TrainingRandom random, bool renderSample) =>
            iteration.Run(domainA, domainB, learningRate, progress, random, renderSample);

        public void WriteCheckpoint(string folder, CheckpointState state) => TrainingCheckpoint.Write(folder, networks, fakeAPool, fakeBPool, state);

        public void Export(string modelDirectory, long iterations)
        {
            var (aToB, bToA) = networks.ExportedGenerators;
            GeneratorExport.Write(modelDirectory, aToB, bToA, iterations, WorkingScale.Of(domainA.Scales.Concat(domainB.Scales)));
        }
    }
}
