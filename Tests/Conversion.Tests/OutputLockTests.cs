using System.Diagnostics;
using System.Text.Json;
using SixLabors.ImageSharp.Formats.Png;
using StyleForge.Engine;
using StyleForge.Engine.Conversion;
using StyleForge.Host;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>One writer per output tree: real processes, real lock files, shards as the documented exception.</summary>
public sealed class OutputLockTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();
    private readonly string _input;
    private readonly string _output;

    public OutputLockTests(ColorTransferModelFixture model)
    {
        _model = model;
        _input = _temp.Combine("in");
        _output = _temp.Combine("out");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_a_run_writing_the_tree_in_another_process_When_a_second_run_starts_Then_it_exits_2_naming_the_holder_and_the_first_finishes_intact()
    {
        WriteTextures(40, 256);
        using var first = ConvertCli.Start(Arguments("--direction", "a2b"));
        var lockFile = Path.Combine(_output, OutputLock.FileName(ShardSpec.Whole));
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(lockFile) && new FileInfo(lockFile).Length > 0) && !first.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            Thread.Sleep(1);
        }
        // Paused so the second run surely meets a live holder, however fast the machine is.
        ConvertCli.Signal("STOP", first.Id);
        CliResult second;
        try
        {
            Assert.True(File.Exists(lockFile), "the first run should hold the lock while it converts");
            second = ConvertCli.Run(Arguments("--direction", "b2a"));
        }
        finally
        {
            ConvertCli.Signal("CONT", first.Id);
        }
        var firstResult = ConvertCli.Finish(first);

        Assert.Equal(2, second.Exit);
        Assert.Contains($"process {first.Id} on host {Environment.MachineName}", second.Error);
        Assert.Equal(0, firstResult.Exit);
        Assert.False(File.Exists(lockFile));
        var again = ConvertCli.Run(Arguments("--direction", "a2b", "--dry-run", "--json"));
        Assert.Equal(40, again.Json.GetProperty("skip").GetArrayLength());
    }

    [Fact]
    public void Given_a_lock_left_by_a_process_that_died_When_a_run_starts_Then_it_takes_over_with_a_warning_and_removes_the_lock_at_the_end()
    {
        WriteTextures(2, 16);
        using var gone = Process.Start("true")!;
        gone.WaitForExit();
        Directory.CreateDirectory(_output);
        var lockFile = Path.Combine(_output, OutputLock.FileName(ShardSpec.Whole));
        File.WriteAllText(lockFile, JsonSerializer.Serialize(new LockHolder(gone.Id, Environment.MachineName, DateTime.UtcNow.AddMinutes(-5), "1/1"), JsonOptions.Indented));

        var run = ConvertCli.Run(Arguments());

        Assert.Equal(0, run.Exit);
        Assert.Contains($"taking over the stale lock {lockFile}: process {gone.Id}", run.Error);
        Assert.False(File.Exists(lockFile));
    }

    [Fact]
    public void Given_a_fresh_lock_from_another_host_When_a_run_starts_Then_it_is_refused_and_once_its_heartbeat_stops_it_is_taken_over()
    {
        WriteTextures(1, 16);
        Directory.CreateDirectory(_output);
        var lockFile = Path.Combine(_output, OutputLock.FileName(ShardSpec.Whole));
        File.WriteAllText(lockFile, JsonSerializer.Serialize(new LockHolder(1, "render-node-7", DateTime.UtcNow.AddHours(-1), "1/1"), JsonOptions.Indented));

        var refused = ConvertCli.Run(Arguments());
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow - OutputLock.StaleAfter - TimeSpan.FromMinutes(1));
        var takenOver = ConvertCli.Run(Arguments());

        Assert.Equal(2, refused.Exit);
        Assert.Contains("process 1 on host render-node-7", refused.Error);
        Assert.Equal(0, takenOver.Exit);
        Assert.Contains("taking over the stale lock", takenOver.Error);
        Assert.True(File.Exists(Path.Combine(_output, "t0.png")));
    }

    [Fact]
    public void Given_shard_1_of_3_holding_its_lock_When_others_take_theirs_Then_other_shards_of_3_proceed_and_whole_tree_and_other_n_runs_are_refused()
    {
        var warnings = new List<string>();
        using var held = OutputLock.Take(_output, new ShardSpec(1, 3), warnings.Add);

        using (OutputLock.Take(_output, new ShardSpec(2, 3), warnings.Add))
        {
            Assert.True(File.Exists(Path.Combine(_output, ".styleforge-lock.shard-2-of-3.json")));
        }
        Assert.Contains("shard 1/3", Assert.Throws<ConversionSetupException>(() => OutputLock.Take(_output, ShardSpec.Whole, warnings.Add)).Message);
        Assert.Throws<ConversionSetupException>(() => OutputLock.Take(_output, new ShardSpec(1, 3), warnings.Add));
        Assert.Throws<ConversionSetupException>(() => OutputLock.Take(_output, new ShardSpec(2, 4), warnings.Add));
        Assert.Empty(warnings);
        // A refused run leaves no lock of its own behind.
        Assert.Equal(new[] { ".styleforge-lock.shard-1-of-3.json" }, Directory.EnumerateFiles(_output).Select(Path.GetFileName));
    }

    [Fact]
    public void Given_two_runs_with_different_options_on_parts_of_a_tree_When_planned_again_Then_each_file_is_judged_by_its_own_options()
    {
        WriteTextures(4, 16);
        Assert.Equal(0, ConvertCli.Run(Arguments("--include", "t[01].png")).Exit);
        Assert.Equal(0, ConvertCli.Run(Arguments("--include", "t[23].png", "--direction", "b2a")).Exit);

        var plan = ConvertCli.Run(Arguments("--dry-run", "--json"));

        Assert.Equal(new[] { "t2.png", "t3.png" }, plan.Json.GetProperty("convert").EnumerateArray().Select(c => c.GetProperty("path").GetString()!));
        Assert.All(plan.Json.GetProperty("convert").EnumerateArray(), c => Assert.Equal("options changed", c.GetProperty("reason").GetString()));
        Assert.Equal(new[] { "t0.png", "t1.png" }, plan.Json.GetProperty("skip").EnumerateArray().Select(c => c.GetProperty("path").GetString()!));
    }

    private void WriteTextures(int count, int size)
    {
        for (var i = 0; i < count; i++)
        {
            TestImages.Write(Path.Combine(_input, $"t{i}.png"), new PngEncoder(), size, size);
        }
    }

    private string[] Arguments(params string[] extra) =>
        new[] { "convert", "--model", _model.ModelDirectory, "--input", _input, "--output", _output, "--plugins", _model.PluginsRoot }
            .Concat(extra).ToArray();
}
