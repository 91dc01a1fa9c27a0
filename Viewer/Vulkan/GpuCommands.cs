using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>Owns a command pool on the device's queue; records one-off command buffers and waits for them.</summary>
internal sealed unsafe class GpuCommands : IDisposable
{
    private readonly VulkanDevice _device;
    private readonly CommandPool _pool;

    public GpuCommands(VulkanDevice device)
    {
        _device = device;
        var info = new CommandPoolCreateInfo
        {
            SType = StructureType.CommandPoolCreateInfo,
            QueueFamilyIndex = device.QueueFamily,
            Flags = CommandPoolCreateFlags.ResetCommandBufferBit,
        };
        CommandPool pool;
        VulkanCall.Check(device.Vk.CreateCommandPool(device.Handle, &info, null, &pool), "vkCreateCommandPool");
        _pool = pool;
    }

    public CommandBuffer Allocate()
    {
        var info = new CommandBufferAllocateInfo
        {
            SType = StructureType.CommandBufferAllocateInfo,
            CommandPool = _pool,
            Level = CommandBufferLevel.Primary,
            CommandBufferCount = 1,
        };
        CommandBuffer buffer;
        VulkanCall.Check(_device.Vk.AllocateCommandBuffers(_device.Handle, &info, &buffer), "vkAllocateCommandBuffers");
        return buffer;
    }

    /// <summary>Records commands, submits them and blocks until the queue has run them.</summary>
    public void Run(Action<CommandBuffer> record)
    {
        var vk = _device.Vk;
        var buffer = Allocate();
        try
        {
            var begin = new CommandBufferBeginInfo
            {
                SType = StructureType.CommandBufferBeginInfo,
                Flags = CommandBufferUsageFlags.OneTimeSubmitBit,
            };
            VulkanCall.Check(vk.BeginCommandBuffer(buffer, &begin), "vkBeginCommandBuffer");
            record(buffer);
            VulkanCall.Check(vk.EndCommandBuffer(buffer), "vkEndCommandBuffer");
            var submit = new SubmitInfo
            {
                SType = StructureType.SubmitInfo,
                CommandBufferCount = 1,
                PCommandBuffers = &buffer,
            };
            VulkanCall.Check(vk.QueueSubmit(_device.Queue, 1, &submit, default), "vkQueueSubmit");
            VulkanCall.Check(vk.QueueWaitIdle(_device.Queue), "vkQueueWaitIdle");
        }
        finally
        {
            vk.FreeCommandBuffers(_device.Handle, _pool, 1, &buffer);
        }
    }

    public void Dispose() => _device.Vk.DestroyCommandPool(_device.Handle, _pool, null);
}
