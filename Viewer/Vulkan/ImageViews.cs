using Silk.NET.Vulkan;
using VkImage = Silk.NET.Vulkan.Image;

namespace StyleForge.Viewer.Vulkan;

/// <summary>Creates the plain colour views used for textures, render targets and swapchain images.</summary>
internal static unsafe class ImageViews
{
    public static ImageView Create(VulkanDevice device, VkImage image, Format format)
    {
        var info = new ImageViewCreateInfo
        {
            SType = StructureType.ImageViewCreateInfo,
            Image = image,
            ViewType = ImageViewType.Type2D,
            Format = format,
            SubresourceRange = ImageBarriers.Color,
        };
        ImageView view;
        VulkanCall.Check(device.Vk.CreateImageView(device.Handle, &info, null, &view), "vkCreateImageView");
        return view;
    }
}
