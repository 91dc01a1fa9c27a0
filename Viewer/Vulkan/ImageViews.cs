using Silk.NET.Vulkan;
using VkImage = Silk.NET.Vulkan.Image;

namespace StyleForge.Viewer.Vulkan;

/// <summary>Creates the plain colour views used for textures, render targets and swapchain images.</summary>
internal static unsafe class ImageViews
{
    public static ImageView Create(VulkanDevice device, VkImage image, Format format, uint mipLevels = 1) =>
        Create(device, image, format, 0, mipLevels, default);

    /// <summary>A view of levels <paramref name="baseLevel"/> onwards, its level 0 being the image's <paramref name="baseLevel"/>.</summary>
    public static ImageView Create(VulkanDevice device, VkImage image, Format format, uint baseLevel, uint levelCount, ComponentMapping components)
    {
        var info = new ImageViewCreateInfo
        {
            SType = StructureType.ImageViewCreateInfo,
            Image = image,
            ViewType = ImageViewType.Type2D,
            Format = format,
            Components = components,
            SubresourceRange = ImageBarriers.Levels(baseLevel, levelCount),
        };
        ImageView view;
        VulkanCall.Check(device.Vk.CreateImageView(device.Handle, &info, null, &view), "vkCreateImageView");
        return view;
    }
}
