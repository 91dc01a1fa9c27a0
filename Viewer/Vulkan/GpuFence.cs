using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>A fence the CPU waits on before reusing a frame's command buffer.</summary>
internal sealed unsafe class GpuFence : IDisposable
{
    private readonly VulkanDevice _device;

    public GpuFence(VulkanDevice device, bool signalled)
    {
        _device = device;
        var info = new FenceCreateInfo
        {
            SType = StructureType.FenceCreateInfo,
            Flags = signalled ? FenceCreateFlags.SignaledBit : 0,
        };
        Fence fence;
        VulkanCall.Check(device.Vk.CreateFence(device.Handle, &info, null, &fence), "vkCreateFence");
        Handle = fence;
    }

    public Fence Handle { get; }

    public void Wait()
    {
        var fence = Handle;
        VulkanCall.Check(_device.Vk.WaitForFences(_device.Handle, 1, &fence, true, ulong.MaxValue), "vkWaitForFences");
    }

    public void Reset()
    {
        var fence = Handle;
        VulkanCall.Check(_device.Vk.ResetFences(_device.Handle, 1, &fence), "vkResetFences");
    }

    public void Dispose() => _device.Vk.DestroyFence(_device.Handle, Handle, null);
}
