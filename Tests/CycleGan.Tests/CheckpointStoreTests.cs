using StyleForge.Plugins.CycleGan.Checkpoints;
using StyleForge.Plugins.GanKit.Checkpoints;

namespace StyleForge.CycleGan.Tests;

/// <summary>A kill at any moment of a checkpoint save leaves the last good checkpoint in charge.</summary>
public sealed class CheckpointStoreTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    private static void WriteMarker(string folder, string text) => File.WriteAllText(Path.Combine(folder, "marker.txt"), text);

    [Fact]
    public void A_new_save_keeps_the_previous_checkpoint_readable()
    {
        // Given a store with one checkpoint
        var store = new CheckpointStore(_run.Directory);
        var first = store.Save(3, folder => WriteMarker(folder, "three"));

        // When a second checkpoint is saved
        var second = store.Save(6, folder => WriteMarker(folder, "six"));

        // Then the second is the latest and the first is still complete on disk
        Assert.Equal(second, store.Latest);
        Assert.Equal("three", File.ReadAllText(Path.Combine(first, "marker.txt")));
        Assert.Equal("six", File.ReadAllText(Path.Combine(second, "marker.txt")));
    }

    [Fact]
    public void A_save_that_fails_midway_leaves_the_previous_checkpoint_in_charge()
    {
        // Given a store with one checkpoint
        var store = new CheckpointStore(_run.Directory);
        var first = store.Save(3, folder => WriteMarker(folder, "three"));

        // When the next save dies while writing its files
        Assert.Throws<IOException>(() => store.Save(6, folder =>
        {
            WriteMarker(folder, "half");
            throw new IOException("disk full");
        }));

        // Then the first checkpoint is still the latest and nothing half-written is left
        Assert.Equal(first, store.Latest);
        Assert.Equal([first], Directory.GetDirectories(store.Root));
    }

    [Fact]
    public void A_kill_before_or_after_the_folder_rename_leaves_a_resumable_run()
    {
        // Given a tiny run that checkpointed at iteration 2 of 4
        var output = _run.Output();
        var options = TinyRun.Options(("iterations", "4"), ("checkpoint_every", "2"));
        using (var cancelled = new TestContext(_run.Directory, cancelAfter: 2))
        {
            Assert.Throws<OperationCanceledException>(() => _run.Train(output, options, cancelled));
        }
        var checkpoints = Path.Combine(output, "checkpoints");
        var good = new CheckpointStore(output).Latest!;

        // And the next save was killed twice: once mid-write (a partial folder), once after the rename but before latest.json changed
        var partial = Directory.CreateDirectory(Path.Combine(checkpoints, ".partial-iter-00000004-deadbeef")).FullName;
        File.WriteAllText(Path.Combine(partial, "G_A.pt"), "truncated");
        var renamed = Directory.CreateDirectory(Path.Combine(checkpoints, "iter-00000004-cafebabe")).FullName;
        File.WriteAllText(Path.Combine(renamed, "state.json"), "{ \"iteration\": 4, cut off");

        // When the run is resumed
        using var resumed = new TestContext(_run.Directory);
        var result = _run.Train(output, options, resumed, resume: true);

        // Then it continued from the good checkpoint at iteration 2, finished, and cleaned up the debris
        Assert.Contains(resumed.Messages, m => m.Contains($"resuming at iteration 2 of 4 from {good}", StringComparison.Ordinal));
        Assert.Equal(4, result.Iterations);
        Assert.False(Directory.Exists(partial));
        Assert.False(Directory.Exists(renamed));
    }
}
