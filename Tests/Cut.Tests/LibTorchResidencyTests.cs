using StyleForge.Plugins;
using StyleForge.Plugins.GanKit.Runtime;
using static TorchSharp.torch;

namespace StyleForge.Cut.Tests;

/// <summary>
/// A second copy of libtorch in one process aborts it, so a plugin checks before its first torch call. Linux only:
/// the check reads /proc/self/maps and compares inodes.
/// </summary>
public sealed class LibTorchResidencyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "styleforge-libtorch-tests", Guid.NewGuid().ToString("N"));

    public LibTorchResidencyTests()
    {
        Directory.CreateDirectory(_folder);
        // Loads libtorch into this test process, as the plugin's first torch call would.
        using var _ = ones(1);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Loaded => Path.Combine(Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!, "libtorch_cpu.so");

    [Fact]
    public void The_copy_already_loaded_passes()
    {
        Assert.True(OperatingSystem.IsLinux(), "this check reads /proc/self/maps; the tests run on Linux");

        // When the folder whose libtorch is loaded is checked, and a folder with a link to that same file
        var link = Path.Combine(_folder, "libtorch_cpu.so");
        File.CreateSymbolicLink(link, Loaded);
        var exception = Record.Exception(() => LibTorchResidency.EnsureSingleCopy(Path.GetDirectoryName(Loaded)!));
        var linked = Record.Exception(() => LibTorchResidency.EnsureSingleCopy(_folder));

        // Then neither is refused: the loader sees one file
        Assert.Null(exception);
        Assert.Null(linked);
    }

    [Fact]
    public void Another_copy_is_refused_naming_both_files()
    {
        // Given a folder whose libtorch_cpu.so is another file than the loaded one
        var copy = Path.Combine(_folder, "libtorch_cpu.so");
        File.WriteAllBytes(copy, [0x7f, (byte)'E', (byte)'L', (byte)'F']);

        // When it is checked
        var error = Assert.Throws<PluginException>(() => LibTorchResidency.EnsureSingleCopy(_folder));

        // Then the error names the loaded copy and this one, and what to do
        Assert.Contains($"libtorch is already loaded in this process from {Loaded}", error.Message);
        Assert.Contains($"its own copy {copy}", error.Message);
        Assert.Contains("Run this step in its own styleforge process", error.Message);
    }
}
