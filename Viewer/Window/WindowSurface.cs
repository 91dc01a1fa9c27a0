using Silk.NET.Core;
using Silk.NET.Vulkan;
using StyleForge.Viewer.Vulkan;

namespace StyleForge.Viewer.Window;

/// <summary>
/// The VkSurfaceKHR of a viewer window (X11 or Win32), with the VK_KHR_surface queries. Silk.NET.Vulkan has
/// the structs but not these functions, so they are loaded from the instance.
/// </summary>
internal sealed unsafe class WindowSurface : IDisposable
{
    private readonly VulkanInstance _instance;
    private readonly delegate* unmanaged<Instance, SurfaceKHR, AllocationCallbacks*, void> _destroy;
    private readonly delegate* unmanaged<PhysicalDevice, uint, SurfaceKHR, Bool32*, Result> _support;
    private readonly delegate* unmanaged<PhysicalDevice, SurfaceKHR, SurfaceCapabilitiesKHR*, Result> _capabilities;
    private readonly delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, SurfaceFormatKHR*, Result> _formats;
    private readonly delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, PresentModeKHR*, Result> _presentModes;

    public WindowSurface(VulkanInstance instance, IPlatformWindow window)
    {
        _instance = instance;
        _destroy = (delegate* unmanaged<Instance, SurfaceKHR, AllocationCallbacks*, void>)instance.Function("vkDestroySurfaceKHR");
        _support = (delegate* unmanaged<PhysicalDevice, uint, SurfaceKHR, Bool32*, Result>)
            instance.Function("vkGetPhysicalDeviceSurfaceSupportKHR");
        _capabilities = (delegate* unmanaged<PhysicalDevice, SurfaceKHR, SurfaceCapabilitiesKHR*, Result>)
            instance.Function("vkGetPhysicalDeviceSurfaceCapabilitiesKHR");
        _formats = (delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, SurfaceFormatKHR*, Result>)
            instance.Function("vkGetPhysicalDeviceSurfaceFormatsKHR");
        _presentModes = (delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, PresentModeKHR*, Result>)
            instance.Function("vkGetPhysicalDeviceSurfacePresentModesKHR");
        Handle = window.CreateSurface(instance);
    }

    public SurfaceKHR Handle { get; }

    public bool CanPresent(PhysicalDevice device, uint queueFamily)
    {
        Bool32 supported;
        VulkanCall.Check(_support(device, queueFamily, Handle, &supported), "vkGetPhysicalDeviceSurfaceSupportKHR");
        return supported;
    }

    public SurfaceCapabilitiesKHR Capabilities(PhysicalDevice device)
    {
        SurfaceCapabilitiesKHR capabilities;
        VulkanCall.Check(_capabilities(device, Handle, &capabilities), "vkGetPhysicalDeviceSurfaceCapabilitiesKHR");
        return capabilities;
    }

    /// <summary>Picks a UNORM BGRA/RGBA format when offered, so texel bytes reach the screen unchanged.</summary>
    public SurfaceFormatKHR ChooseFormat(PhysicalDevice device)
    {
        uint count = 0;
        VulkanCall.Check(_formats(device, Handle, &count, null), "vkGetPhysicalDeviceSurfaceFormatsKHR");
        var formats = new SurfaceFormatKHR[count];
        fixed (SurfaceFormatKHR* p = formats)
        {
            VulkanCall.Check(_formats(device, Handle, &count, p), "vkGetPhysicalDeviceSurfaceFormatsKHR");
        }
        if (count == 0)
        {
            throw new VulkanUnavailableException("the Vulkan device offers no surface format for this window");
        }
        return formats.FirstOrDefault(f => f.Format == Format.B8G8R8A8Unorm,
            formats.FirstOrDefault(f => f.Format == Format.R8G8B8A8Unorm, formats[0]));
    }

    /// <summary>FIFO (vsync, always supported) unless frames are being counted, where Immediate measures the renderer.</summary>
    public PresentModeKHR ChoosePresentMode(PhysicalDevice device, bool preferImmediate)
    {
        uint count = 0;
        VulkanCall.Check(_presentModes(device, Handle, &count, null), "vkGetPhysicalDeviceSurfacePresentModesKHR");
        var modes = new PresentModeKHR[count];
        fixed (PresentModeKHR* p = modes)
        {
            VulkanCall.Check(_presentModes(device, Handle, &count, p), "vkGetPhysicalDeviceSurfacePresentModesKHR");
        }
        return preferImmediate && modes.Contains(PresentModeKHR.ImmediateKhr) ? PresentModeKHR.ImmediateKhr : PresentModeKHR.FifoKhr;
    }

    public void Dispose() => _destroy(_instance.Handle, Handle, null);
}
