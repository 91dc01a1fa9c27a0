using SixLabors.ImageSharp.Formats.Png;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>
/// Output names that would break when the converted tree is copied to Windows (or macOS) are refused on
/// every OS, each file with its own reason, while the rest of the tree converts.
/// </summary>
public sealed class PortableOutputNameTests(ColorTransferModelFixture model) : IClassFixture<ColorTransferModelFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_names_that_differ_only_in_case_When_converted_Then_the_second_fails_naming_the_first()
    {
        // Given A.png and a.png in one folder, which Windows would store as one file
        var input = _temp.Combine("in");
        TestImages.Write(Path.Combine(input, "walls", "A.png"), new PngEncoder());
        TestImages.Write(Path.Combine(input, "walls", "a.png"), new PngEncoder());

        var run = Convert(input, _temp.Combine("out"));

        // Then the first in order converts and the other fails with a reason that names both
        Assert.Equal(1, run.Exit);
        Assert.Equal(1, run.Json.GetProperty("converted").GetInt32());
        var reason = Assert.Single(Failures(run)).Value;
        Assert.Contains("'walls/a.png' differs from 'walls/A.png' only in letter case", reason);
        Assert.True(File.Exists(_temp.Combine("out", "walls", "A.png")));
        Assert.False(File.Exists(_temp.Combine("out", "walls", "a.png")));
    }

    [Theory]
    [InlineData("con.png", "reserved device name on Windows (con)")]
    [InlineData("NUL/brick.png", "reserved device name on Windows (NUL)")]
    [InlineData("walls./brick.png", "ends in a dot or space")]
    [InlineData("walls /brick.png", "ends in a dot or space")]
    [InlineData("what?.png", "a character Windows does not allow")]
    public void Given_a_name_windows_cannot_hold_When_converted_Then_that_file_fails_and_the_rest_convert(string name, string why)
    {
        var input = _temp.Combine("in");
        TestImages.Write(Path.Combine(input, name), new PngEncoder());
        TestImages.Write(Path.Combine(input, "fine.png"), new PngEncoder());

        var run = Convert(input, _temp.Combine("out"));

        Assert.Equal(1, run.Exit);
        var failure = Assert.Single(Failures(run));
        Assert.Equal(name, failure.Key);
        Assert.Contains(why, failure.Value);
        Assert.True(File.Exists(_temp.Combine("out", "fine.png")));
    }

    private static Dictionary<string, string> Failures(CliResult run) =>
        run.Json.GetProperty("failed_files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("reason").GetString()!);

    private CliResult Convert(string input, string output) =>
        ConvertCli.Run("convert", "--model", model.ModelDirectory, "--input", input, "--output", output, "--plugins", model.PluginsRoot, "--json");
}
