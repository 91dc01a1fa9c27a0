using System.Numerics;
using Silk.NET.Vulkan;
using StyleForge.Viewer.Views;
using StyleForge.Viewer.Vulkan;

namespace StyleForge.Viewer.Window;

internal enum FrameResult
{
    Presented,

    /// <summary>The window has no area (minimised); wait for it to come back.</summary>
    NoArea,

    /// <summary>The swapchain went stale and was dropped; draw again.</summary>
    Retry,
}

/// <summary>Draws the current view into the window's swapchain, one frame in flight.</summary>
internal sealed unsafe class WindowRenderer : IDisposable
{
    private readonly VulkanDevice _device;
    private readonly WindowSurface _surface;
    private readonly SwapchainFunctions _functions;
    private readonly SurfaceFormatKHR _format;
    private readonly PresentModeKHR _presentMode;
    private readonly GpuCommands _commands;
    private readonly ColorRenderPass _pass;
    private readonly ViewPipeline _pipeline;
    private readonly TextureSampler _nearest;
    private readonly TextureSampler _linear;
    private readonly GpuSemaphore _imageAvailable;
    private readonly GpuFence _inFlight;
    private readonly CommandBuffer _commandBuffer;
    private Swapchain? _swapchain;
    private GpuTexturePair? _textures;

    public WindowRenderer(VulkanDevice device, WindowSurface surface, bool preferImmediate)
    {
        _device = device;
        _surface = surface;
        _functions = new SwapchainFunctions(device);
        _format = surface.ChooseFormat(device.Physical);
        _presentMode = surface.ChoosePresentMode(device.Physical, preferImmediate);
        _commands = new GpuCommands(device);
        _pass = new ColorRenderPass(device, _format.Format, AttachmentLoadOp.Clear, ImageLayout.Undefined, ImageLayout.PresentSrcKhr);
        _pipeline = new ViewPipeline(device, _pass);
        _nearest = new TextureSampler(device, Filter.Nearest);
        _linear = new TextureSampler(device, Filter.Linear);
        _imageAvailable = new GpuSemaphore(device);
        _inFlight = new GpuFence(device, signalled: true);
        _commandBuffer = _commands.Allocate();
    }

    /// <summary>Replaces the textures on the GPU with those of <paramref name="pair"/>.</summary>
    public void Show(ViewerPair pair)
    {
        _device.WaitIdle();
        _textures?.Dispose();
        _textures = null;
        _textures = new GpuTexturePair(_device, _commands, _pipeline, pair, _nearest, _linear);
    }

    public FrameResult Draw(ViewState state, ViewerPair pair, Vector2 windowSize)
    {
        if (_textures is null)
        {
            throw new InvalidOperationException("Show a pair before drawing.");
        }
        var extent = SurfaceExtent(windowSize);
        if (extent.Width == 0 || extent.Height == 0)
        {
            return FrameResult.NoArea;
        }
        if (_swapchain is null || _swapchain.Extent.Width != extent.Width || _swapchain.Extent.Height != extent.Height)
        {
            RecreateSwapchain(extent);
        }
        var swapchain = _swapchain!;

        _inFlight.Wait();
        uint image;
        var acquired = _functions.Acquire(_device.Handle, swapchain.Handle, ulong.MaxValue, _imageAvailable.Handle, default, &image);
        if (acquired == Result.ErrorOutOfDateKhr)
        {
            DropSwapchain();
            return FrameResult.Retry;
        }
        if (acquired != Result.SuboptimalKhr)
        {
            VulkanCall.Check(acquired, "vkAcquireNextImageKHR");
        }
        _inFlight.Reset();

        Record(swapchain, image, state, pair);
        Submit(swapchain, image);
        var presented = Present(swapchain, image);
        // Suboptimal still showed the frame; rebuild before the next one to match the window again.
        if (presented is Result.ErrorOutOfDateKhr or Result.SuboptimalKhr || acquired == Result.SuboptimalKhr)
        {
            DropSwapchain();
            return presented == Result.ErrorOutOfDateKhr ? FrameResult.Retry : FrameResult.Presented;
        }
        VulkanCall.Check(presented, "vkQueuePresentKHR");
        return FrameResult.Presented;
    }

    public void Dispose()
    {
        _device.WaitIdle();
        _textures?.Dispose();
        _swapchain?.Dispose();
        _inFlight.Dispose();
        _imageAvailable.Dispose();
        _linear.Dispose();
        _nearest.Dispose();
        _pipeline.Dispose();
        _pass.Dispose();
        _commands.Dispose();
    }

    // X11 surfaces report the window size as the current extent; the fallback covers
    // platforms that leave it to the application (0xFFFFFFFF).
    private Extent2D SurfaceExtent(Vector2 windowSize)
    {
        var capabilities = _surface.Capabilities(_device.Physical);
        if (capabilities.CurrentExtent.Width != uint.MaxValue)
        {
            return capabilities.CurrentExtent;
        }
        return new Extent2D(
            Math.Clamp((uint)windowSize.X, capabilities.MinImageExtent.Width, capabilities.MaxImageExtent.Width),
            Math.Clamp((uint)windowSize.Y, capabilities.MinImageExtent.Height, capabilities.MaxImageExtent.Height));
    }

    private void RecreateSwapchain(Extent2D extent)
    {
        DropSwapchain();
        _swapchain = new Swapchain(_device, _functions, _surface, _pass, _format, _presentMode, extent);
    }

    private void DropSwapchain()
    {
        if (_swapchain is null)
        {
            return;
        }
        _device.WaitIdle();
        _swapchain.Dispose();
        _swapchain = null;
    }

    private void Record(Swapchain swapchain, uint image, ViewState state, ViewerPair pair)
    {
        var vk = _device.Vk;
        var cmd = _commandBuffer;
        VulkanCall.Check(vk.ResetCommandBuffer(cmd, 0), "vkResetCommandBuffer");
        var begin = new CommandBufferBeginInfo
        {
            SType = StructureType.CommandBufferBeginInfo,
            Flags = CommandBufferUsageFlags.OneTimeSubmitBit,
        };
        VulkanCall.Check(vk.BeginCommandBuffer(cmd, &begin), "vkBeginCommandBuffer");
        var background = ViewConstants.Background;
        var clear = new ClearValue(new ClearColorValue(background, background, background, 1));
        var pass = new RenderPassBeginInfo
        {
            SType = StructureType.RenderPassBeginInfo,
            RenderPass = _pass.Handle,
            Framebuffer = swapchain.Framebuffer(image).Handle,
            RenderArea = new Rect2D(default, swapchain.Extent),
            ClearValueCount = 1,
            PClearValues = &clear,
        };
        vk.CmdBeginRenderPass(cmd, &pass, SubpassContents.Inline);
        var size = new Vector2(swapchain.Extent.Width, swapchain.Extent.Height);
        ViewDraw.Record(vk, cmd, _pipeline, _textures!, state, pair, Vector2.Zero, size, ViewerSession.DividerWidth);
        vk.CmdEndRenderPass(cmd);
        VulkanCall.Check(vk.EndCommandBuffer(cmd), "vkEndCommandBuffer");
    }

    private void Submit(Swapchain swapchain, uint image)
    {
        var cmd = _commandBuffer;
        var wait = _imageAvailable.Handle;
        var signal = swapchain.RenderFinished(image).Handle;
        var waitStage = PipelineStageFlags.ColorAttachmentOutputBit;
        var submit = new SubmitInfo
        {
            SType = StructureType.SubmitInfo,
            WaitSemaphoreCount = 1,
            PWaitSemaphores = &wait,
            PWaitDstStageMask = &waitStage,
            CommandBufferCount = 1,
            PCommandBuffers = &cmd,
            SignalSemaphoreCount = 1,
            PSignalSemaphores = &signal,
        };
        VulkanCall.Check(_device.Vk.QueueSubmit(_device.Queue, 1, &submit, _inFlight.Handle), "vkQueueSubmit");
    }

    private Result Present(Swapchain swapchain, uint image)
    {
        var wait = swapchain.RenderFinished(image).Handle;
        var handle = swapchain.Handle;
        var info = new PresentInfoKHR
        {
            SType = StructureType.PresentInfoKhr,
            WaitSemaphoreCount = 1,
            PWaitSemaphores = &wait,
            SwapchainCount = 1,
            PSwapchains = &handle,
            PImageIndices = &image,
        };
        return _functions.Present(_device.Queue, &info);
    }
}
