using Silk.NET.Vulkan;
using VkImage = Silk.NET.Vulkan.Image;

namespace StyleForge.Viewer.Vulkan;

/// <summary>Creates the plain colour views used for textures, render targets and swapchain images.</summary>
internal static unsafe class ImageViews
{
    public static ImageView Create(VulkanDevice device, VkImage image, Format format, uint mipLevels = 1)
    {
        var info = new ImageViewCreateInfo
        {
            SType = StructureType.ImageViewCreateInfo,
            Image = image,
            ViewType = ImageViewType.Type2D,
            Format = format,
            SubresourceRange = ImageBarriers.Levels(0, mipLevels),
        };
        ImageView view;
        VulkanCall.Check(device.Vk.CreateImageView(device.Handle, &info, null, &view), "vkCreateImageView");
        return view;
    }
}
