using Silk.NET.Vulkan;
using VkImage = Silk.NET.Vulkan.Image;

namespace StyleForge.Viewer.Vulkan;

/// <summary>A device-local 2D image, its memory and a colour view of all its mip levels.</summary>
internal sealed unsafe class GpuImage : IDisposable
{
    private readonly VulkanDevice _device;
    private readonly DeviceMemory _memory;

    public GpuImage(VulkanDevice device, int width, int height, Format format, ImageUsageFlags usage, uint mipLevels = 1)
    {
        _device = device;
        Width = width;
        Height = height;
        MipLevels = mipLevels;
        var vk = device.Vk;
        var info = new ImageCreateInfo
        {
            SType = StructureType.ImageCreateInfo,
            ImageType = ImageType.Type2D,
            Format = format,
            Extent = new Extent3D((uint)width, (uint)height, 1),
            MipLevels = mipLevels,
            ArrayLayers = 1,
            Samples = SampleCountFlags.Count1Bit,
            Tiling = ImageTiling.Optimal,
            Usage = usage,
            SharingMode = SharingMode.Exclusive,
            InitialLayout = ImageLayout.Undefined,
        };
        VkImage image;
        VulkanCall.Check(vk.CreateImage(device.Handle, &info, null, &image), "vkCreateImage");
        Handle = image;

        MemoryRequirements requirements;
        vk.GetImageMemoryRequirements(device.Handle, image, &requirements);
        var allocate = new MemoryAllocateInfo
        {
            SType = StructureType.MemoryAllocateInfo,
            AllocationSize = requirements.Size,
            MemoryTypeIndex = device.MemoryType(requirements.MemoryTypeBits, MemoryPropertyFlags.DeviceLocalBit),
        };
        DeviceMemory memory;
        VulkanCall.Check(vk.AllocateMemory(device.Handle, &allocate, null, &memory), "vkAllocateMemory");
        _memory = memory;
        VulkanCall.Check(vk.BindImageMemory(device.Handle, image, memory, 0), "vkBindImageMemory");
        View = ImageViews.Create(device, image, format, mipLevels);
    }

    public VkImage Handle { get; }

    public ImageView View { get; }

    public int Width { get; }

    public int Height { get; }

    public uint MipLevels { get; }

    public void Dispose()
    {
        var vk = _device.Vk;
        vk.DestroyImageView(_device.Handle, View, null);
        vk.DestroyImage(_device.Handle, Handle, null);
        vk.FreeMemory(_device.Handle, _memory, null);
    }
}
