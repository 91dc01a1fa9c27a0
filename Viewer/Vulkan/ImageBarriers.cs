using Silk.NET.Vulkan;
using VkImage = Silk.NET.Vulkan.Image;

namespace StyleForge.Viewer.Vulkan;

/// <summary>Layout transitions for single-mip colour images.</summary>
internal static unsafe class ImageBarriers
{
    public static ImageSubresourceRange Color => Levels(0, 1);

    public static ImageSubresourceRange Levels(uint first, uint count) => new(ImageAspectFlags.ColorBit, first, count, 0, 1);

    public static void Transition(Vk vk, CommandBuffer commands, VkImage image,
        ImageLayout from, AccessFlags fromAccess, PipelineStageFlags fromStage,
        ImageLayout to, AccessFlags toAccess, PipelineStageFlags toStage, ImageSubresourceRange? range = null)
    {
        var barrier = new ImageMemoryBarrier
        {
            SType = StructureType.ImageMemoryBarrier,
            OldLayout = from,
            NewLayout = to,
            SrcAccessMask = fromAccess,
            DstAccessMask = toAccess,
            SrcQueueFamilyIndex = Vk.QueueFamilyIgnored,
            DstQueueFamilyIndex = Vk.QueueFamilyIgnored,
            Image = image,
            SubresourceRange = range ?? Color,
        };
        vk.CmdPipelineBarrier(commands, fromStage, toStage, 0, 0, null, 0, null, 1, &barrier);
    }
}
