namespace StyleForge.Viewer.Tests;

/// <summary>
/// Entry point used only when a test starts this assembly as a child process, so that
/// process-wide settings (the Vulkan driver list) can differ from the test host's.
/// </summary>
public static class Program
{
    public const string ProbeVulkanArgument = "probe-vulkan";

    public static int Main(string[] args)
    {
        if (args is not [ProbeVulkanArgument])
        {
            Console.Error.WriteLine($"Usage: {ProbeVulkanArgument}");
            return 64;
        }
        try
        {
            var image = TestImages.Solid("probe.png", 4, 4, 10, 20, 30);
            HeadlessRenderer.RenderSheet([new ViewerPair(image, null)], ViewMode.Single, 8);
            Console.WriteLine("rendered");
            return 0;
        }
        catch (VulkanUnavailableException e)
        {
            Console.WriteLine(e.Message);
            return 2;
        }
    }
}
