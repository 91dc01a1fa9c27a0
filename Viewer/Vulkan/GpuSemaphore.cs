using Silk.NET.Vulkan;
using VkSemaphore = Silk.NET.Vulkan.Semaphore;

namespace StyleForge.Viewer.Vulkan;

/// <summary>A binary semaphore ordering GPU work against the presentation engine.</summary>
internal sealed unsafe class GpuSemaphore : IDisposable
{
    private readonly VulkanDevice _device;

    public GpuSemaphore(VulkanDevice device)
    {
        _device = device;
        var info = new SemaphoreCreateInfo { SType = StructureType.SemaphoreCreateInfo };
        VkSemaphore semaphore;
        VulkanCall.Check(device.Vk.CreateSemaphore(device.Handle, &info, null, &semaphore), "vkCreateSemaphore");
        Handle = semaphore;
    }

    public VkSemaphore Handle { get; }

    public void Dispose() => _device.Vk.DestroySemaphore(_device.Handle, Handle, null);
}
