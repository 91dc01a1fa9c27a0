namespace StyleForge.Viewer;

/// <summary>Thrown when the Vulkan loader, a driver or a usable device is missing; the message says what to install.</summary>
public sealed class VulkanUnavailableException : Exception
{
    internal VulkanUnavailableException(string reason, Exception? inner = null)
        : base($"Vulkan is not available: {reason}. {InstallAdvice}", inner)
    {
    }

    private static string InstallAdvice => OperatingSystem.IsWindows()
        ? "Install or update the graphics driver, which ships the Vulkan runtime."
        : "On Linux, install libvulkan1 and a Vulkan driver such as mesa-vulkan-drivers (apt-get install libvulkan1 mesa-vulkan-drivers).";
}
