using StyleForge.Engine.Runs;

namespace StyleForge.Engine.Sampling;

/// <summary>Generates a sample set with a progress display and tells the user what happened; shared by the verb and the step.</summary>
public static class SampleLauncher
{
    public static void Run(IStageReporter reporter, string directory, SampleParameters parameters, CancellationToken cancellation)
    {
        var generated = reporter.WithProgress(DayNightSample.Kind,
            progress => DayNightSample.Generate(directory, parameters, progress, cancellation));
        var files = DayNightSample.Plan(parameters).Count;
        reporter.Info(generated
            ? $"wrote {files} {parameters.Size}x{parameters.Size} textures to {directory} (trainA, trainB, testA, testB_truth) and the truth's light masks to testB_lights"
            : $"sample data in {directory} is up to date ({files} textures, same parameters and hash); not regenerated");
    }
}
