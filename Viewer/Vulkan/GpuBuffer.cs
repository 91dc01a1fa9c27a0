using Silk.NET.Vulkan;
using VkBuffer = Silk.NET.Vulkan.Buffer;

namespace StyleForge.Viewer.Vulkan;

/// <summary>A host-visible, coherent buffer kept mapped for its lifetime: staging for uploads and readback.</summary>
internal sealed unsafe class GpuBuffer : IDisposable
{
    private readonly VulkanDevice _device;
    private readonly DeviceMemory _memory;
    private readonly void* _mapped;

    public GpuBuffer(VulkanDevice device, long size, BufferUsageFlags usage)
    {
        if (size is <= 0 or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A staging buffer must hold between 1 byte and 2 GiB.");
        }
        _device = device;
        Size = (int)size;
        var vk = device.Vk;
        var info = new BufferCreateInfo
        {
            SType = StructureType.BufferCreateInfo,
            Size = (ulong)size,
            Usage = usage,
            SharingMode = SharingMode.Exclusive,
        };
        VkBuffer buffer;
        VulkanCall.Check(vk.CreateBuffer(device.Handle, &info, null, &buffer), "vkCreateBuffer");
        Handle = buffer;

        MemoryRequirements requirements;
        vk.GetBufferMemoryRequirements(device.Handle, buffer, &requirements);
        var allocate = new MemoryAllocateInfo
        {
            SType = StructureType.MemoryAllocateInfo,
            AllocationSize = requirements.Size,
            MemoryTypeIndex = device.MemoryType(requirements.MemoryTypeBits,
                MemoryPropertyFlags.HostVisibleBit | MemoryPropertyFlags.HostCoherentBit),
        };
        DeviceMemory memory;
        VulkanCall.Check(vk.AllocateMemory(device.Handle, &allocate, null, &memory), "vkAllocateMemory");
        _memory = memory;
        VulkanCall.Check(vk.BindBufferMemory(device.Handle, buffer, memory, 0), "vkBindBufferMemory");
        void* mapped;
        VulkanCall.Check(vk.MapMemory(device.Handle, memory, 0, (ulong)size, 0, &mapped), "vkMapMemory");
        _mapped = mapped;
    }

    public VkBuffer Handle { get; }

    public int Size { get; }

    public Span<byte> Bytes => new(_mapped, Size);

    public void Dispose()
    {
        var vk = _device.Vk;
        vk.UnmapMemory(_device.Handle, _memory);
        vk.DestroyBuffer(_device.Handle, Handle, null);
        vk.FreeMemory(_device.Handle, _memory, null);
    }
}
