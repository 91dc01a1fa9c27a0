using StyleForge.Plugins.GanKit.Training;

namespace StyleForge.CycleGan.Tests;

/// <summary>snapshot_every: complete exported models along the way, for scoring how quality changes over training.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    private static string Snapshot(string output, long iteration) =>
        Path.Combine(output, TrainingLoop.SnapshotsFolder, $"iter-{iteration:D8}");

    [Fact]
    public void Snapshots_are_complete_models_and_the_last_one_is_the_final_model()
    {
        // Given a tiny run of 4 iterations asking for a snapshot every 2
        using var context = new TestContext(_run.Directory);
        var output = _run.Output();

        // When it trains
        var result = _run.Train(output, TinyRun.Options(("iterations", "4"), ("snapshot_every", "2")), context);

        // Then snapshots/ holds iterations 2 and 4, each with both generators and the architecture, and nothing partial
        Assert.Equal(["iter-00000002", "iter-00000004"],
            Directory.GetDirectories(Path.Combine(output, TrainingLoop.SnapshotsFolder)).Select(Path.GetFileName).Order());
        foreach (var iteration in new[] { 2, 4 })
        {
            Assert.Equal(["G_A.pt", "G_B.pt", "generator.json"],
                Directory.GetFiles(Snapshot(output, iteration)).Select(Path.GetFileName).Order());
        }
        // And the iteration-4 snapshot holds the final model's weights, while iteration 2's differ from them
        var final = File.ReadAllBytes(Path.Combine(result.ModelDirectory, "G_A.pt"));
        Assert.Equal(final, File.ReadAllBytes(Path.Combine(Snapshot(output, 4), "G_A.pt")));
        Assert.NotEqual(final, File.ReadAllBytes(Path.Combine(Snapshot(output, 2), "G_A.pt")));
        Assert.Contains("\"iterations\": 2", File.ReadAllText(Path.Combine(Snapshot(output, 2), "generator.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Taking_snapshots_does_not_change_the_training()
    {
        // Given two tiny runs of 4 iterations with the same seed, one with a snapshot after every iteration
        using var context = new TestContext(_run.Directory);
        var plain = _run.Output("plain");
        var snapshotted = _run.Output("snapshotted");

        // When both train
        _run.Train(plain, TinyRun.Options(("iterations", "4")), context);
        _run.Train(snapshotted, TinyRun.Options(("iterations", "4"), ("snapshot_every", "1")), context);

        // Then their losses are identical, digit for digit, and so are their final models
        Assert.Equal(File.ReadAllText(Path.Combine(plain, "losses.csv")), File.ReadAllText(Path.Combine(snapshotted, "losses.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "model", "G_A.pt")), File.ReadAllBytes(Path.Combine(snapshotted, "model", "G_A.pt")));
    }

    [Fact]
    public void The_default_writes_no_snapshot()
    {
        // Given a tiny run with the declared default
        using var context = new TestContext(_run.Directory);
        var output = _run.Output();

        // When it trains
        _run.Train(output, TinyRun.Options(("iterations", "2")), context);

        // Then no snapshots folder exists
        Assert.False(Directory.Exists(Path.Combine(output, TrainingLoop.SnapshotsFolder)));
    }

    [Fact]
    public void A_resumed_run_goes_on_writing_snapshots_and_replaces_a_half_written_one()
    {
        // Given a run of 4 that was stopped after iteration 3, with a snapshot at 2, and debris of a snapshot cut off mid-write
        var output = _run.Output();
        var options = TinyRun.Options(("iterations", "4"), ("snapshot_every", "2"), ("checkpoint_every", "1"));
        using (var cancelled = new TestContext(_run.Directory, cancelAfter: 3))
        {
            Assert.Throws<OperationCanceledException>(() => _run.Train(output, options, cancelled));
        }
        var partial = Path.Combine(output, TrainingLoop.SnapshotsFolder, ".partial-iter-00000004");
        Directory.CreateDirectory(partial);
        File.WriteAllText(Path.Combine(partial, "G_A.pt"), "truncated");

        // When it is resumed to the end
        using var resumed = new TestContext(_run.Directory);
        _run.Train(output, options, resumed, resume: true);

        // Then the snapshots at 2 and 4 are both complete, and the debris is gone
        Assert.Equal(["iter-00000002", "iter-00000004"],
            Directory.GetDirectories(Path.Combine(output, TrainingLoop.SnapshotsFolder)).Select(Path.GetFileName).Order());
        Assert.Equal(["G_A.pt", "G_B.pt", "generator.json"], Directory.GetFiles(Snapshot(output, 4)).Select(Path.GetFileName).Order());
    }
}
