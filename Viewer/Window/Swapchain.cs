using Silk.NET.Vulkan;
using StyleForge.Viewer.Vulkan;
using VkImage = Silk.NET.Vulkan.Image;

namespace StyleForge.Viewer.Window;

/// <summary>
/// A swapchain with, per image, a view, a framebuffer and the semaphore that tells the
/// presentation engine rendering has finished. Recreated whole when the window resizes.
/// </summary>
internal sealed unsafe class Swapchain : IDisposable
{
    private readonly VulkanDevice _device;
    private readonly SwapchainFunctions _functions;
    private readonly ImageView[] _views;
    private readonly ColorFramebuffer[] _framebuffers;
    private readonly GpuSemaphore[] _renderFinished;

    public Swapchain(VulkanDevice device, SwapchainFunctions functions, WindowSurface surface, ColorRenderPass pass,
        SurfaceFormatKHR format, PresentModeKHR presentMode, Extent2D extent)
    {
        _device = device;
        _functions = functions;
        Extent = extent;
        var capabilities = surface.Capabilities(device.Physical);
        // One image more than the minimum so acquiring never waits on the one being shown.
        var imageCount = capabilities.MinImageCount + 1;
        if (capabilities.MaxImageCount > 0)
        {
            imageCount = Math.Min(imageCount, capabilities.MaxImageCount);
        }
        var info = new SwapchainCreateInfoKHR
        {
            SType = StructureType.SwapchainCreateInfoKhr,
            Surface = surface.Handle,
            MinImageCount = imageCount,
            ImageFormat = format.Format,
            ImageColorSpace = format.ColorSpace,
            ImageExtent = extent,
            ImageArrayLayers = 1,
            ImageUsage = ImageUsageFlags.ColorAttachmentBit,
            ImageSharingMode = SharingMode.Exclusive,
            PreTransform = capabilities.CurrentTransform,
            CompositeAlpha = ChooseCompositeAlpha(capabilities.SupportedCompositeAlpha),
            PresentMode = presentMode,
            Clipped = true,
        };
        SwapchainKHR swapchain;
        VulkanCall.Check(functions.Create(device.Handle, &info, null, &swapchain), "vkCreateSwapchainKHR");
        Handle = swapchain;

        uint count = 0;
        VulkanCall.Check(functions.GetImages(device.Handle, swapchain, &count, null), "vkGetSwapchainImagesKHR");
        var images = new VkImage[count];
        fixed (VkImage* p = images)
        {
            VulkanCall.Check(functions.GetImages(device.Handle, swapchain, &count, p), "vkGetSwapchainImagesKHR");
        }
        _views = images.Select(image => ImageViews.Create(device, image, format.Format)).ToArray();
        _framebuffers = _views.Select(view => new ColorFramebuffer(device, pass, view, extent.Width, extent.Height)).ToArray();
        _renderFinished = images.Select(_ => new GpuSemaphore(device)).ToArray();
    }

    public SwapchainKHR Handle { get; }

    public Extent2D Extent { get; }

    public ColorFramebuffer Framebuffer(uint image) => _framebuffers[image];

    public GpuSemaphore RenderFinished(uint image) => _renderFinished[image];

    public void Dispose()
    {
        foreach (var semaphore in _renderFinished)
        {
            semaphore.Dispose();
        }
        foreach (var framebuffer in _framebuffers)
        {
            framebuffer.Dispose();
        }
        foreach (var view in _views)
        {
            _device.Vk.DestroyImageView(_device.Handle, view, null);
        }
        _functions.Destroy(_device.Handle, Handle, null);
    }

    private static CompositeAlphaFlagsKHR ChooseCompositeAlpha(CompositeAlphaFlagsKHR supported)
    {
        if ((supported & CompositeAlphaFlagsKHR.OpaqueBitKhr) != 0)
        {
            return CompositeAlphaFlagsKHR.OpaqueBitKhr;
        }
        for (var bit = 1u; bit != 0; bit <<= 1)
        {
            if (((uint)supported & bit) != 0)
            {
                return (CompositeAlphaFlagsKHR)bit;
            }
        }
        return CompositeAlphaFlagsKHR.OpaqueBitKhr;
    }
}
