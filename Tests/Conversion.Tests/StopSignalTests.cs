using System.Diagnostics;
using SixLabors.ImageSharp.Formats.Png;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Runs;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>SIGTERM, as Kubernetes and Slurm send it, to a real styleforge process converting a tree.</summary>
public sealed class StopSignalTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private const int Files = 60;

    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();

    public StopSignalTests(ColorTransferModelFixture model) => _model = model;

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public void Given_a_conversion_in_progress_When_it_gets_SIGTERM_Then_it_stops_cleanly_saves_the_manifest_exits_143_and_the_next_run_does_only_the_rest()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal");
        var input = _temp.Combine("in");
        var output = _temp.Combine("out");
        for (var i = 0; i < Files; i++)
        {
            TestImages.Write(Path.Combine(input, $"t{i:00}.png"), new PngEncoder(), 256, 256);
        }
        using var child = ConvertCli.Start(Arguments(input, output));
        var clock = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(output, "t00.png")) && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            Thread.Sleep(1);
        }
        // Paused first, so the signal surely lands mid-run however fast the machine is; it is delivered on SIGCONT.
        ConvertCli.Signal("STOP", child.Id);
        Assert.True(File.Exists(Path.Combine(output, OutputLock.FileName(ShardSpec.Whole))), "the run should still be converting when signalled");
        ConvertCli.Signal("TERM", child.Id);
        ConvertCli.Signal("CONT", child.Id);

        var stopped = ConvertCli.Finish(child);

        Assert.Equal(143, stopped.Exit);
        Assert.Contains("conversion stopped", stopped.Error);
        var written = Directory.EnumerateFiles(output, "t*.png").Select(Path.GetFileName).ToList();
        Assert.InRange(written.Count, 1, Files - 1);
        Assert.Empty(Directory.EnumerateFiles(output, "*" + AtomicFile.TemporarySuffix));
        Assert.False(File.Exists(Path.Combine(output, OutputLock.FileName(ShardSpec.Whole))));
        var manifest = File.ReadAllText(Path.Combine(output, ".styleforge-manifest.json"));
        Assert.All(written, name => Assert.Contains($"\"{name}\"", manifest));

        var rest = ConvertCli.Run(Arguments(input, output).Append("--json").ToArray());

        Assert.Equal(0, rest.Exit);
        Assert.Equal(Files - written.Count, rest.Json.GetProperty("converted").GetInt32());
        Assert.Equal(written.Count, rest.Json.GetProperty("skipped").GetInt32());
    }

    private string[] Arguments(string input, string output) =>
        new[] { "convert", "--model", _model.ModelDirectory, "--input", input, "--output", output, "--plugins", _model.PluginsRoot };
}
