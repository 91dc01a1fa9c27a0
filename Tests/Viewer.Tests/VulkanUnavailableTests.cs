namespace StyleForge.Viewer.Tests;

public sealed class VulkanUnavailableTests
{
    [Fact]
    public void Without_a_driver_the_renderer_says_what_to_install()
    {
        // Given a child process whose Vulkan loader is pointed at a driver manifest that does not exist
        // (a child, because the loader reads these variables from the real process environment)
        var missing = Path.Combine(Path.GetTempPath(), $"styleforge-no-such-icd-{Guid.NewGuid():N}.json");
        var environment = new Dictionary<string, string>
        {
            ["VK_ICD_FILENAMES"] = missing,
            ["VK_DRIVER_FILES"] = missing,
        };

        // When it tries to render a sheet
        var (exitCode, output) = ExternalTool.Run(ProbeExecutable(), [Program.ProbeVulkanArgument], environment);

        // Then it gets VulkanUnavailableException naming the packages to install
        Assert.True(exitCode == 2, $"exit code {exitCode}, output: {output}");
        Assert.Contains("Vulkan is not available", output);
        Assert.Contains("install libvulkan1 and a Vulkan driver such as mesa-vulkan-drivers", output);
    }

    // This test assembly is also an executable (see Program.cs); the SDK puts its app host next to it.
    private static string ProbeExecutable()
    {
        var assembly = typeof(Program).Assembly.Location;
        var host = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        Assert.True(File.Exists(host), $"The test app host {host} is missing.");
        return host;
    }
}
