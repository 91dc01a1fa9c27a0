using System.Numerics;
using Silk.NET.Vulkan;
using StyleForge.Viewer.Views;
using StyleForge.Viewer.Vulkan;

namespace StyleForge.Viewer;

/// <summary>Renders contact sheets offscreen through the same pipeline and shader as the window.</summary>
public static class HeadlessRenderer
{
    private const Format SheetFormat = Format.R8G8B8A8Unorm;

    /// <summary>
    /// Draws every pair into a grid of cells and reads the result back. Side mode gives each
    /// pair two cells (before | after); split shows before left and after right of the middle;
    /// tile repeats the converted image 3x3; single and flip show one image per cell.
    /// </summary>
    /// <param name="pairs">The pairs, in sheet order (row-major).</param>
    /// <param name="mode">The view mode used for every cell.</param>
    /// <param name="cellSize">Side of one square cell in pixels; images are fitted into it.</param>
    /// <param name="mipLevel">The mip level shown of textures that have their own (DDS); each shows its last level
    /// when it has fewer, and plain images show their only level.</param>
    /// <exception cref="VulkanUnavailableException">No Vulkan loader, driver or device.</exception>
    /// <exception cref="ArgumentException">Bad images, or a sheet or texture larger than the device allows.</exception>
    public static RenderedSheet RenderSheet(IReadOnlyList<ViewerPair> pairs, ViewMode mode, int cellSize, int mipLevel = 0) =>
        RenderSheet(pairs, mode, cellSize, mipLevel, BlockUpload.Direct);

    /// <summary>As the public overload; <paramref name="upload"/> can force the decoded path a device without BCn takes.</summary>
    internal static RenderedSheet RenderSheet(IReadOnlyList<ViewerPair> pairs, ViewMode mode, int cellSize, int mipLevel, BlockUpload upload)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            throw new ArgumentException("A contact sheet needs at least one pair.", nameof(pairs));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(cellSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(mipLevel);
        foreach (var pair in pairs)
        {
            pair.Before.Validate();
            pair.After?.Validate();
        }

        var layout = SheetLayout.For(pairs.Count, mode, cellSize);
        using var instance = VulkanInstance.Create([]);
        using var device = VulkanDevice.Create(instance, null);
        if (layout.Width > device.MaxImageDimension2D || layout.Height > device.MaxImageDimension2D)
        {
            throw new ArgumentException(
                $"A sheet of {pairs.Count} pairs at {cellSize} px per cell is {layout.Width}x{layout.Height}, over the " +
                $"{device.MaxImageDimension2D} px limit of {device.Name}; use a smaller cell size or fewer pairs.");
        }

        GpuTexturePair.CheckFits(device, pairs);
        using var commands = new GpuCommands(device);
        using var target = new GpuImage(device, layout.Width, layout.Height, SheetFormat,
            ImageUsageFlags.ColorAttachmentBit | ImageUsageFlags.TransferSrcBit | ImageUsageFlags.TransferDstBit);
        using var pass = new ColorRenderPass(device, SheetFormat, AttachmentLoadOp.Load,
            ImageLayout.ColorAttachmentOptimal, ImageLayout.ColorAttachmentOptimal);
        using var framebuffer = new ColorFramebuffer(device, pass, target.View, (uint)layout.Width, (uint)layout.Height);
        using var pipeline = new ViewPipeline(device, pass);
        using var nearest = new TextureSampler(device, Filter.Nearest);
        using var linear = new TextureSampler(device, Filter.Linear);

        commands.Run(cmd => Clear(device.Vk, cmd, target));
        var formats = new List<string>();
        for (var i = 0; i < pairs.Count; i++)
        {
            // One pair on the GPU at a time keeps memory flat for long lists of 4K textures.
            using var textures = new GpuTexturePair(device, commands, pipeline, pairs[i], nearest, linear, upload);
            formats.AddRange(textures.Formats.Select(GpuTexture.NameOf));
            var origin = layout.Origin(i);
            commands.Run(cmd => DrawItem(device.Vk, cmd, pass, framebuffer, pipeline, textures, pairs[i], mode, mipLevel, origin, layout.ItemSize));
        }
        return ReadBack(device, commands, target) with { TextureFormats = formats };
    }

    private static unsafe void Clear(Vk vk, CommandBuffer cmd, GpuImage target)
    {
        ImageBarriers.Transition(vk, cmd, target.Handle,
            ImageLayout.Undefined, AccessFlags.None, PipelineStageFlags.TopOfPipeBit,
            ImageLayout.TransferDstOptimal, AccessFlags.TransferWriteBit, PipelineStageFlags.TransferBit);
        // Gaps between cells look like the empty part of the window.
        var background = ViewConstants.Background;
        var color = new ClearColorValue(background, background, background, 1);
        var range = ImageBarriers.Color;
        vk.CmdClearColorImage(cmd, target.Handle, ImageLayout.TransferDstOptimal, &color, 1, &range);
        ImageBarriers.Transition(vk, cmd, target.Handle,
            ImageLayout.TransferDstOptimal, AccessFlags.TransferWriteBit, PipelineStageFlags.TransferBit,
            ImageLayout.ColorAttachmentOptimal, AccessFlags.ColorAttachmentReadBit | AccessFlags.ColorAttachmentWriteBit,
            PipelineStageFlags.ColorAttachmentOutputBit);
    }

    private static unsafe void DrawItem(Vk vk, CommandBuffer cmd, ColorRenderPass pass, ColorFramebuffer framebuffer,
        ViewPipeline pipeline, GpuTexturePair textures, ViewerPair pair, ViewMode mode, int mipLevel, Vector2 origin, Vector2 size)
    {
        var state = new ViewState(mode) { MipLevel = mipLevel };
        state.Fit(pair, size);
        var begin = new RenderPassBeginInfo
        {
            SType = StructureType.RenderPassBeginInfo,
            RenderPass = pass.Handle,
            Framebuffer = framebuffer.Handle,
            RenderArea = new Rect2D(new Offset2D((int)origin.X, (int)origin.Y), new Extent2D((uint)size.X, (uint)size.Y)),
        };
        vk.CmdBeginRenderPass(cmd, &begin, SubpassContents.Inline);
        // No divider on sheets: the halves meet at the middle, which is what a reader compares.
        ViewDraw.Record(vk, cmd, pipeline, textures, state, pair, origin, size, divider: 0);
        vk.CmdEndRenderPass(cmd);
    }

    private static unsafe RenderedSheet ReadBack(VulkanDevice device, GpuCommands commands, GpuImage target)
    {
        const int bytesPerPixel = 4;
        var rowBytes = target.Width * bytesPerPixel;
        // The copy lays rows out at this pitch and the loop below reads at it, so the two
        // stay in step if it ever gains padding (for example to an alignment).
        var rowLength = (uint)target.Width;
        var rowPitch = (int)rowLength * bytesPerPixel;
        using var readback = new GpuBuffer(device, (long)rowPitch * target.Height, BufferUsageFlags.TransferDstBit);
        commands.Run(cmd =>
        {
            var vk = device.Vk;
            ImageBarriers.Transition(vk, cmd, target.Handle,
                ImageLayout.ColorAttachmentOptimal, AccessFlags.ColorAttachmentWriteBit, PipelineStageFlags.ColorAttachmentOutputBit,
                ImageLayout.TransferSrcOptimal, AccessFlags.TransferReadBit, PipelineStageFlags.TransferBit);
            var region = new BufferImageCopy
            {
                BufferOffset = 0,
                BufferRowLength = rowLength,
                BufferImageHeight = (uint)target.Height,
                ImageSubresource = new ImageSubresourceLayers(ImageAspectFlags.ColorBit, 0, 0, 1),
                ImageExtent = new Extent3D((uint)target.Width, (uint)target.Height, 1),
            };
            vk.CmdCopyImageToBuffer(cmd, target.Handle, ImageLayout.TransferSrcOptimal, readback.Handle, 1, &region);
            var toHost = new MemoryBarrier
            {
                SType = StructureType.MemoryBarrier,
                SrcAccessMask = AccessFlags.TransferWriteBit,
                DstAccessMask = AccessFlags.HostReadBit,
            };
            vk.CmdPipelineBarrier(cmd, PipelineStageFlags.TransferBit, PipelineStageFlags.HostBit, 0, 1, &toHost, 0, null, 0, null);
        });

        var pixels = new byte[rowBytes * target.Height];
        for (var y = 0; y < target.Height; y++)
        {
            readback.Bytes.Slice(y * rowPitch, rowBytes).CopyTo(pixels.AsSpan(y * rowBytes));
        }
        return new RenderedSheet(target.Width, target.Height, pixels);
    }
}
