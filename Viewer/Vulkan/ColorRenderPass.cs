using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>A render pass with one colour attachment and one subpass, as both targets need.</summary>
internal sealed unsafe class ColorRenderPass : IDisposable
{
    private readonly VulkanDevice _device;

    /// <param name="device">The device.</param>
    /// <param name="format">Colour attachment format.</param>
    /// <param name="load">Clear for the window; Load for the sheet, whose cells are drawn one submission at a time.</param>
    /// <param name="initialLayout">Layout the attachment is in when the pass begins.</param>
    /// <param name="finalLayout">Layout the pass leaves it in.</param>
    public ColorRenderPass(VulkanDevice device, Format format, AttachmentLoadOp load, ImageLayout initialLayout, ImageLayout finalLayout)
    {
        _device = device;
        Format = format;
        var attachment = new AttachmentDescription
        {
            Format = format,
            Samples = SampleCountFlags.Count1Bit,
            LoadOp = load,
            StoreOp = AttachmentStoreOp.Store,
            StencilLoadOp = AttachmentLoadOp.DontCare,
            StencilStoreOp = AttachmentStoreOp.DontCare,
            InitialLayout = initialLayout,
            FinalLayout = finalLayout,
        };
        var reference = new AttachmentReference(0, ImageLayout.ColorAttachmentOptimal);
        var subpass = new SubpassDescription
        {
            PipelineBindPoint = PipelineBindPoint.Graphics,
            ColorAttachmentCount = 1,
            PColorAttachments = &reference,
        };
        // Orders this pass's attachment access after earlier writes to the same image: the
        // previous sheet cell, or the presentation engine's read signalled by the acquire semaphore.
        var dependency = new SubpassDependency
        {
            SrcSubpass = Vk.SubpassExternal,
            DstSubpass = 0,
            SrcStageMask = PipelineStageFlags.ColorAttachmentOutputBit,
            DstStageMask = PipelineStageFlags.ColorAttachmentOutputBit,
            SrcAccessMask = AccessFlags.ColorAttachmentWriteBit,
            DstAccessMask = AccessFlags.ColorAttachmentReadBit | AccessFlags.ColorAttachmentWriteBit,
        };
        var info = new RenderPassCreateInfo
        {
            SType = StructureType.RenderPassCreateInfo,
            AttachmentCount = 1,
            PAttachments = &attachment,
            SubpassCount = 1,
            PSubpasses = &subpass,
            DependencyCount = 1,
            PDependencies = &dependency,
        };
        RenderPass pass;
        VulkanCall.Check(device.Vk.CreateRenderPass(device.Handle, &info, null, &pass), "vkCreateRenderPass");
        Handle = pass;
    }

    public RenderPass Handle { get; }

    public Format Format { get; }

    public void Dispose() => _device.Vk.DestroyRenderPass(_device.Handle, Handle, null);
}
