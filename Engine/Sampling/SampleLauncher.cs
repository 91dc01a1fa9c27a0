using StyleForge.Host.Terminal;

namespace StyleForge.Host.Sampling;

/// <summary>Generates a sample set with a progress display and tells the user what happened; shared by the verb and the step.</summary>
internal static class SampleLauncher
{
    public static void Run(HostConsole console, string directory, SampleParameters parameters, CancellationToken cancellation)
    {
        var generated = ProgressDisplay.Run(console, DayNightSample.Kind,
            progress => DayNightSample.Generate(directory, parameters, progress, cancellation));
        var files = DayNightSample.Plan(parameters).Count;
        console.Info(generated
            ? $"wrote {files} {parameters.Size}x{parameters.Size} textures to {directory} (trainA, trainB, testA, testB_truth) and the truth's light masks to testB_lights"
            : $"sample data in {directory} is up to date ({files} textures, same parameters and hash); not regenerated");
    }
}
