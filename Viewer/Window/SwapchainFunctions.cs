using Silk.NET.Vulkan;
using StyleForge.Viewer.Vulkan;
using VkImage = Silk.NET.Vulkan.Image;
using VkSemaphore = Silk.NET.Vulkan.Semaphore;

namespace StyleForge.Viewer.Window;

/// <summary>The VK_KHR_swapchain entry points, loaded from the device because Silk.NET.Vulkan does not wrap them.</summary>
internal sealed unsafe class SwapchainFunctions
{
    public SwapchainFunctions(VulkanDevice device)
    {
        Create = (delegate* unmanaged<Device, SwapchainCreateInfoKHR*, AllocationCallbacks*, SwapchainKHR*, Result>)
            device.Function("vkCreateSwapchainKHR");
        Destroy = (delegate* unmanaged<Device, SwapchainKHR, AllocationCallbacks*, void>)device.Function("vkDestroySwapchainKHR");
        GetImages = (delegate* unmanaged<Device, SwapchainKHR, uint*, VkImage*, Result>)device.Function("vkGetSwapchainImagesKHR");
        Acquire = (delegate* unmanaged<Device, SwapchainKHR, ulong, VkSemaphore, Fence, uint*, Result>)
            device.Function("vkAcquireNextImageKHR");
        Present = (delegate* unmanaged<Queue, PresentInfoKHR*, Result>)device.Function("vkQueuePresentKHR");
    }

    public delegate* unmanaged<Device, SwapchainKHR, AllocationCallbacks*, void> Destroy { get; }

    public delegate* unmanaged<Device, SwapchainCreateInfoKHR*, AllocationCallbacks*, SwapchainKHR*, Result> Create { get; }

    public delegate* unmanaged<Device, SwapchainKHR, uint*, VkImage*, Result> GetImages { get; }

    public delegate* unmanaged<Device, SwapchainKHR, ulong, VkSemaphore, Fence, uint*, Result> Acquire { get; }

    public delegate* unmanaged<Queue, PresentInfoKHR*, Result> Present { get; }
}
