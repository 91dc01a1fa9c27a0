using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>
/// A manifest that cannot be saved, and a disk that fills up, stay failures of a file or a warning:
/// the run goes on, every failed image is named, and the summary and --json always come out.
/// </summary>
public sealed class ManifestSaveTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();
    private readonly string _input;
    private readonly string _output;
    private bool _mounted;

    public ManifestSaveTests(ColorTransferModelFixture model)
    {
        _model = model;
        _input = _temp.Combine("in");
        _output = _temp.Combine("out");
    }

    public void Dispose()
    {
        if (_mounted)
        {
            SystemTool.Run("umount", _output);
        }
        _temp.Dispose();
    }

    [Fact]
    public void Given_a_manifest_path_that_cannot_be_written_When_converted_Then_every_file_converts_a_warning_names_the_reason_json_prints_and_exit_is_1()
    {
        for (var i = 0; i < 3; i++)
        {
            TestImages.Write(Path.Combine(_input, $"t{i}.png"), new PngEncoder());
        }
        // A folder where the manifest file should go: the rename over it fails the way a read-only or full disk does.
        Directory.CreateDirectory(Path.Combine(_output, ".styleforge-manifest.json"));

        var run = Convert("--json");

        Assert.Equal(1, run.Exit);
        Assert.Equal(3, run.Json.GetProperty("converted").GetInt32());
        Assert.Equal(0, run.Json.GetProperty("failed").GetInt32());
        Assert.Contains("cannot save the manifest", run.Json.GetProperty("manifest_error").GetString());
        Assert.Contains("warning:", run.Error);
        Assert.Contains(".styleforge-manifest.json: cannot save the manifest", run.Error);
        Assert.Contains("converted 3, skipped 0, failed 0", run.Error);
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(File.Exists(Path.Combine(_output, $"t{i}.png"))));
    }

    [SkippableFact]
    public void Given_an_output_on_a_3_MB_tmpfs_When_the_disk_fills_mid_run_Then_each_failed_image_is_named_with_the_reason_and_the_summary_prints()
    {
        MountSmallDisk();
        WriteNoise(16);

        var run = Convert("--json");

        Assert.Equal(1, run.Exit);
        var failed = run.Json.GetProperty("failed_files").EnumerateArray().ToList();
        Assert.NotEmpty(failed);
        Assert.Equal(16, run.Json.GetProperty("converted").GetInt32() + failed.Count);
        Assert.All(failed, f => Assert.Contains("No space left on device", f.GetProperty("reason").GetString()));
        Assert.All(failed, f => Assert.Contains(Path.Combine(_output, f.GetProperty("path").GetString()!), f.GetProperty("reason").GetString()));
        Assert.Contains($"failed {failed.Count}", run.Error);
        Assert.Empty(Directory.EnumerateFiles(_output, "*.sf-partial"));
    }

    [SkippableFact]
    public void Given_a_tmpfs_with_room_only_for_the_lock_When_converted_Then_the_manifest_failure_is_a_warning_every_image_is_named_and_json_prints()
    {
        MountSmallDisk();
        WriteNoise(4);
        // Everything but one page taken: the lock file gets it, nothing after it fits.
        var free = new DriveInfo(_output).AvailableFreeSpace;
        File.WriteAllBytes(Path.Combine(_output, "filler"), new byte[free - Environment.SystemPageSize]);

        var run = Convert("--json");

        Assert.Equal(1, run.Exit);
        Assert.Equal(4, run.Json.GetProperty("failed").GetInt32());
        Assert.All(run.Json.GetProperty("failed_files").EnumerateArray(), f => Assert.Contains("No space left on device", f.GetProperty("reason").GetString()));
        Assert.Contains("No space left on device", run.Json.GetProperty("manifest_error").GetString());
        Assert.Contains("cannot save the manifest", run.Error);
        Assert.Contains("converted 0, skipped 0, failed 4", run.Error);
    }

    private void MountSmallDisk()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "mounting a small tmpfs needs root on Linux");
        Directory.CreateDirectory(_output);
        Skip.IfNot(SystemTool.Run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", _output) == 0, "mount -t tmpfs failed here (no CAP_SYS_ADMIN in this container?)");
        _mounted = true;
    }

    /// <summary>Random RGBA noise hardly compresses: 16 files of 256 x 256 (about 260 KB each) need more than 3 MB.</summary>
    private void WriteNoise(int count)
    {
        var random = new Random(19);
        Directory.CreateDirectory(_input);
        for (var i = 0; i < count; i++)
        {
            using var image = new Image<Rgba32>(256, 256);
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(rows.GetRowSpan(y)));
                }
            });
            image.SaveAsPng(Path.Combine(_input, $"noise{i:00}.png"));
        }
    }

    private CliResult Convert(params string[] extra) =>
        ConvertCli.Run(new[] { "convert", "--model", _model.ModelDirectory, "--input", _input, "--output", _output, "--plugins", _model.PluginsRoot }
            .Concat(extra).ToArray());
}
