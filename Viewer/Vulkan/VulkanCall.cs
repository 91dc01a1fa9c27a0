using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>The one place that turns a failed VkResult into an exception naming the call.</summary>
internal static class VulkanCall
{
    public static void Check(Result result, string call)
    {
        if (result != Result.Success)
        {
            throw new InvalidOperationException($"Vulkan call {call} failed with {result}.");
        }
    }
}
