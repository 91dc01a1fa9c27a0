using System.Numerics;
using Silk.NET.Vulkan;
using StyleForge.Viewer.Views;

namespace StyleForge.Viewer.Vulkan;

/// <summary>Records one view of a pair into a rectangle of the current render pass.</summary>
internal static unsafe class ViewDraw
{
    public static void Record(Vk vk, CommandBuffer cmd, ViewPipeline pipeline, GpuTexturePair textures,
        ViewState state, ViewerPair pair, Vector2 origin, Vector2 size, float divider)
    {
        var viewport = new Viewport(origin.X, origin.Y, size.X, size.Y, 0, 1);
        var scissor = new Rect2D(new Offset2D((int)origin.X, (int)origin.Y), new Extent2D((uint)size.X, (uint)size.Y));
        vk.CmdSetViewport(cmd, 0, 1, &viewport);
        vk.CmdSetScissor(cmd, 0, 1, &scissor);
        vk.CmdBindPipeline(cmd, PipelineBindPoint.Graphics, pipeline.Handle);
        var set = textures.Set(state.UseLinearFilter, state.MipLevel);
        vk.CmdBindDescriptorSets(cmd, PipelineBindPoint.Graphics, pipeline.Layout, 0, 1, &set, 0, null);
        var constants = state.Constants(pair, origin, size, divider);
        vk.CmdPushConstants(cmd, pipeline.Layout, ShaderStageFlags.FragmentBit, 0, (uint)sizeof(ViewConstants), &constants);
        vk.CmdDraw(cmd, 3, 1, 0, 0);
    }
}
