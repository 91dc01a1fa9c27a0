using SixLabors.ImageSharp.Formats.Png;
using StyleForge.Engine.Conversion;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>
/// The output tree never overlaps the input tree, however the folders are reached: real symbolic
/// links, in the folder itself and in its ancestors, both ways round, for a run and a dry run.
/// </summary>
public sealed class SourceTreeTests : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private readonly ColorTransferModelFixture _model;
    private readonly TempFolder _temp = new();
    private readonly string _input;

    public SourceTreeTests(ColorTransferModelFixture model)
    {
        _model = model;
        _input = _temp.Combine("in3");
        for (var i = 0; i < 3; i++)
        {
            TestImages.Write(Path.Combine(_input, $"walls/t{i}.png"), new PngEncoder());
        }
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_a_link_to_the_input_When_it_is_passed_as_input_and_the_real_folder_as_output_Then_exit_2_and_no_source_changes()
    {
        var link = Link("inlink", _input);
        var before = Snapshot(_input);

        var run = Convert(link, _input);

        Assert.Equal(2, run.Exit);
        Assert.Contains("the output folder is the input folder", run.Error);
        Assert.Contains($"really {_input}", run.Error);
        Assert.Equal(before, Snapshot(_input));
    }

    [Fact]
    public void Given_a_link_to_the_input_passed_as_output_When_dry_run_Then_exit_2_and_no_plan_is_printed()
    {
        var link = Link("inlink", _input);

        var run = Convert(_input, link, "--dry-run", "--json");

        Assert.Equal(2, run.Exit);
        Assert.Contains("the output folder is the input folder", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Given_an_output_reached_through_a_link_into_the_input_When_run_twice_Then_both_are_refused_and_nothing_is_written()
    {
        var link = Link("inlink", _input);
        var output = Path.Combine(link, "out");
        var before = Snapshot(_input);

        var first = Convert(_input, output);
        var second = Convert(_input, output);

        Assert.Equal((2, 2), (first.Exit, second.Exit));
        Assert.Contains("inside the input folder", second.Error);
        Assert.False(Directory.Exists(Path.Combine(_input, "out")));
        Assert.Equal(before, Snapshot(_input));
    }

    [Fact]
    public void Given_an_input_reached_through_a_link_into_the_output_When_converted_Then_exit_2_because_the_output_contains_it()
    {
        var output = _temp.Combine("out");
        var assets = Directory.CreateDirectory(Path.Combine(output, "assets")).FullName;
        TestImages.Write(Path.Combine(assets, "a.png"), new PngEncoder());
        var link = Link("assetlink", assets);

        var run = Convert(link, output);

        Assert.Equal(2, run.Exit);
        Assert.Contains("contains the input folder", run.Error);
        Assert.Equal(new[] { "a.png" }, Directory.EnumerateFiles(assets).Select(Path.GetFileName));
    }

    [Fact]
    public void Given_a_linked_ancestor_When_input_and_output_name_the_same_folder_through_it_Then_exit_2()
    {
        var parent = Link("parentlink", _temp.Path);

        var run = Convert(Path.Combine(parent, "in3"), Path.Combine(_temp.Path, "x", "..", "in3"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("the output folder is the input folder", run.Error);
    }

    [SkippableFact]
    public void Given_a_bind_mount_of_the_input_as_output_When_converted_Then_device_and_inode_catch_what_paths_cannot()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "a bind mount needs root on Linux");
        var bound = Directory.CreateDirectory(_temp.Combine("bound")).FullName;
        Skip.IfNot(SystemTool.Run("mount", "--bind", _input, bound) == 0, "mount --bind failed here (no CAP_SYS_ADMIN in this container?)");
        try
        {
            var before = Snapshot(_input);

            var run = Convert(_input, bound);

            Assert.Equal(2, run.Exit);
            Assert.Contains("the output folder is the input folder", run.Error);
            Assert.Equal(before, Snapshot(_input));
        }
        finally
        {
            SystemTool.Run("umount", bound);
        }
    }

    [Fact]
    public void Given_an_output_folder_inside_the_input_When_converted_Then_exit_2_and_the_message_says_to_choose_another()
    {
        var run = Convert(_input, Path.Combine(_input, "night"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("choose an --output outside the input", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_input, "night")));
    }

    [Fact]
    public void Given_a_link_inside_the_input_to_the_output_When_run_twice_Then_results_are_never_scanned_as_sources()
    {
        var output = _temp.Combine("out");
        Directory.CreateDirectory(output);
        Directory.CreateSymbolicLink(Path.Combine(_input, "results"), output);

        var first = Convert(_input, output, "--json");
        var second = Convert(_input, output, "--json");

        Assert.Equal(3, first.Json.GetProperty("converted").GetInt32());
        Assert.Equal((0, 3), (second.Json.GetProperty("converted").GetInt32(), second.Json.GetProperty("skipped").GetInt32()));
        Assert.Equal(3, Directory.EnumerateFiles(output, "*.png", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void Given_an_output_folder_swapped_for_a_link_to_the_input_after_the_start_When_a_file_is_written_Then_the_write_is_refused()
    {
        var output = Directory.CreateDirectory(_temp.Combine("out")).FullName;
        var guard = new OutputPathGuard(output);
        Directory.Delete(output);
        Directory.CreateSymbolicLink(output, _input);

        var error = Assert.Throws<UnauthorizedAccessException>(() => guard.Resolve("walls/t0.png"));

        Assert.Contains($"now leads to {_input}", error.Message);
    }

    [Fact]
    public void Given_a_relative_link_and_dot_dot_after_a_link_When_resolved_Then_the_real_folder_comes_out()
    {
        var real = Directory.CreateDirectory(_temp.Combine("a", "b", "c")).FullName;
        File.CreateSymbolicLink(_temp.Combine("rel"), Path.Combine("a", "b", "c"));

        Assert.Equal(real, RealPath.Resolve(_temp.Combine("rel")));
        // ".." after a link leaves the link's target, not the folder that holds the link.
        Assert.Equal(_temp.Combine("a", "b"), RealPath.Resolve(_temp.Combine("rel", "..")));
        Assert.Equal(_temp.Combine("a", "b", "c", "new", "deeper"), RealPath.Resolve(_temp.Combine("rel", "new", "deeper")));
        Assert.Equal(FileIdentity.Of(real), FileIdentity.Of(_temp.Combine("rel")));
        Assert.NotEqual(FileIdentity.Of(real), FileIdentity.Of(_temp.Combine("a", "b")));
    }


    private string Link(string name, string target)
    {
        var path = _temp.Combine(name);
        Directory.CreateSymbolicLink(path, target);
        return path;
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => System.Convert.ToHexString(File.ReadAllBytes(f)));

    private CliResult Convert(string input, string output, params string[] extra) =>
        ConvertCli.Run(new[] { "convert", "--model", _model.ModelDirectory, "--input", input, "--output", output, "--plugins", _model.PluginsRoot }
            .Concat(extra).ToArray());
}
