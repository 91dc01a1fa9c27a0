using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>A framebuffer over one colour view.</summary>
internal sealed unsafe class ColorFramebuffer : IDisposable
{
    private readonly VulkanDevice _device;

    public ColorFramebuffer(VulkanDevice device, ColorRenderPass pass, ImageView view, uint width, uint height)
    {
        _device = device;
        var info = new FramebufferCreateInfo
        {
            SType = StructureType.FramebufferCreateInfo,
            RenderPass = pass.Handle,
            AttachmentCount = 1,
            PAttachments = &view,
            Width = width,
            Height = height,
            Layers = 1,
        };
        Framebuffer framebuffer;
        VulkanCall.Check(device.Vk.CreateFramebuffer(device.Handle, &info, null, &framebuffer), "vkCreateFramebuffer");
        Handle = framebuffer;
    }

    public Framebuffer Handle { get; }

    public void Dispose() => _device.Vk.DestroyFramebuffer(_device.Handle, Handle, null);
}
