using System.Numerics;
using Silk.NET.Vulkan;
using StyleForge.Viewer.Views;

namespace StyleForge.Viewer.Vulkan;

/// <summary>
/// A pair's textures on the GPU and two descriptor sets binding them, one per sampler, so
/// the filter can follow the zoom without rewriting descriptors every frame.
/// </summary>
internal sealed unsafe class GpuTexturePair : IDisposable
{
    private const Format TextureFormat = Format.R8G8B8A8Unorm;

    private readonly VulkanDevice _device;
    private readonly GpuImage _before;
    private readonly GpuImage? _after;
    private readonly DescriptorPool _pool;
    private readonly DescriptorSet _nearestSet;
    private readonly DescriptorSet _linearSet;

    public GpuTexturePair(VulkanDevice device, GpuCommands commands, ViewPipeline pipeline, ViewerPair pair,
        TextureSampler nearest, TextureSampler linear)
    {
        _device = device;
        _before = Upload(device, commands, pair.Before);
        _after = pair.After is null ? null : Upload(device, commands, pair.After);
        var after = _after ?? _before;

        var poolSize = new DescriptorPoolSize(DescriptorType.CombinedImageSampler, 4);
        var poolInfo = new DescriptorPoolCreateInfo
        {
            SType = StructureType.DescriptorPoolCreateInfo,
            MaxSets = 2,
            PoolSizeCount = 1,
            PPoolSizes = &poolSize,
        };
        DescriptorPool pool;
        VulkanCall.Check(device.Vk.CreateDescriptorPool(device.Handle, &poolInfo, null, &pool), "vkCreateDescriptorPool");
        _pool = pool;
        _nearestSet = CreateSet(pipeline, nearest, after);
        _linearSet = CreateSet(pipeline, linear, after);
    }

    /// <summary>Fails naming the first image larger than the device's texture limit, before any upload starts.</summary>
    public static void CheckFits(VulkanDevice device, IEnumerable<ViewerPair> pairs)
    {
        var limit = device.MaxImageDimension2D;
        var tooLarge = pairs.SelectMany(p => new[] { p.Before, p.After }).OfType<ViewerImage>()
            .FirstOrDefault(i => i.Width > limit || i.Height > limit);
        if (tooLarge is not null)
        {
            throw new ArgumentException($"Image '{tooLarge.Name}' is {tooLarge.Width}x{tooLarge.Height}, over the " +
                $"{limit} px texture limit of the Vulkan device {device.Name}.");
        }
    }

    public DescriptorSet Set(bool linear) => linear ? _linearSet : _nearestSet;

    public void Dispose()
    {
        _device.Vk.DestroyDescriptorPool(_device.Handle, _pool, null);
        _after?.Dispose();
        _before.Dispose();
    }

    private static GpuImage Upload(VulkanDevice device, GpuCommands commands, ViewerImage source)
    {
        // A full mip chain lets the linear sampler read a level near the screen size when zoomed out:
        // without it a fitted 4096 px texture aliases and costs a cache miss per pixel.
        var levels = device.CanBlitLinear(TextureFormat) ? (uint)BitOperations.Log2((uint)Math.Max(source.Width, source.Height)) + 1 : 1;
        var image = new GpuImage(device, source.Width, source.Height, TextureFormat,
            ImageUsageFlags.SampledBit | ImageUsageFlags.TransferDstBit | ImageUsageFlags.TransferSrcBit, levels);
        try
        {
            using var staging = new GpuBuffer(device, source.Rgba.Length, BufferUsageFlags.TransferSrcBit);
            source.Rgba.CopyTo(staging.Bytes);
            commands.Run(cmd => RecordUpload(device.Vk, cmd, staging, image));
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private static void RecordUpload(Vk vk, CommandBuffer cmd, GpuBuffer staging, GpuImage image)
    {
        ImageBarriers.Transition(vk, cmd, image.Handle,
            ImageLayout.Undefined, AccessFlags.None, PipelineStageFlags.TopOfPipeBit,
            ImageLayout.TransferDstOptimal, AccessFlags.TransferWriteBit, PipelineStageFlags.TransferBit,
            ImageBarriers.Levels(0, image.MipLevels));
        var region = new BufferImageCopy
        {
            BufferOffset = 0,
            BufferRowLength = 0,
            BufferImageHeight = 0,
            ImageSubresource = new ImageSubresourceLayers(ImageAspectFlags.ColorBit, 0, 0, 1),
            ImageExtent = new Extent3D((uint)image.Width, (uint)image.Height, 1),
        };
        vk.CmdCopyBufferToImage(cmd, staging.Handle, image.Handle, ImageLayout.TransferDstOptimal, 1, &region);

        // Each level is a linear 2:1 blit of the one above; a level becomes readable by the
        // shader once the next one has been made from it.
        var (width, height) = (image.Width, image.Height);
        for (uint level = 1; level < image.MipLevels; level++)
        {
            ImageBarriers.Transition(vk, cmd, image.Handle,
                ImageLayout.TransferDstOptimal, AccessFlags.TransferWriteBit, PipelineStageFlags.TransferBit,
                ImageLayout.TransferSrcOptimal, AccessFlags.TransferReadBit, PipelineStageFlags.TransferBit,
                ImageBarriers.Levels(level - 1, 1));
            var (nextWidth, nextHeight) = (Math.Max(1, width / 2), Math.Max(1, height / 2));
            var blit = new ImageBlit
            {
                SrcSubresource = new ImageSubresourceLayers(ImageAspectFlags.ColorBit, level - 1, 0, 1),
                DstSubresource = new ImageSubresourceLayers(ImageAspectFlags.ColorBit, level, 0, 1),
            };
            blit.SrcOffsets[1] = new Offset3D(width, height, 1);
            blit.DstOffsets[1] = new Offset3D(nextWidth, nextHeight, 1);
            vk.CmdBlitImage(cmd, image.Handle, ImageLayout.TransferSrcOptimal, image.Handle, ImageLayout.TransferDstOptimal,
                1, &blit, Filter.Linear);
            ImageBarriers.Transition(vk, cmd, image.Handle,
                ImageLayout.TransferSrcOptimal, AccessFlags.TransferReadBit, PipelineStageFlags.TransferBit,
                ImageLayout.ShaderReadOnlyOptimal, AccessFlags.ShaderReadBit, PipelineStageFlags.FragmentShaderBit,
                ImageBarriers.Levels(level - 1, 1));
            (width, height) = (nextWidth, nextHeight);
        }
        ImageBarriers.Transition(vk, cmd, image.Handle,
            ImageLayout.TransferDstOptimal, AccessFlags.TransferWriteBit, PipelineStageFlags.TransferBit,
            ImageLayout.ShaderReadOnlyOptimal, AccessFlags.ShaderReadBit, PipelineStageFlags.FragmentShaderBit,
            ImageBarriers.Levels(image.MipLevels - 1, 1));
    }

    private DescriptorSet CreateSet(ViewPipeline pipeline, TextureSampler sampler, GpuImage after)
    {
        var vk = _device.Vk;
        var layout = pipeline.SetLayout;
        var allocate = new DescriptorSetAllocateInfo
        {
            SType = StructureType.DescriptorSetAllocateInfo,
            DescriptorPool = _pool,
            DescriptorSetCount = 1,
            PSetLayouts = &layout,
        };
        DescriptorSet set;
        VulkanCall.Check(vk.AllocateDescriptorSets(_device.Handle, &allocate, &set), "vkAllocateDescriptorSets");

        var images = stackalloc DescriptorImageInfo[2];
        images[0] = new DescriptorImageInfo(sampler.Handle, _before.View, ImageLayout.ShaderReadOnlyOptimal);
        images[1] = new DescriptorImageInfo(sampler.Handle, after.View, ImageLayout.ShaderReadOnlyOptimal);
        var writes = stackalloc WriteDescriptorSet[2];
        for (uint i = 0; i < 2; i++)
        {
            writes[i] = new WriteDescriptorSet
            {
                SType = StructureType.WriteDescriptorSet,
                DstSet = set,
                DstBinding = i,
                DescriptorCount = 1,
                DescriptorType = DescriptorType.CombinedImageSampler,
                PImageInfo = &images[i],
            };
        }
        vk.UpdateDescriptorSets(_device.Handle, 2, writes, 0, null);
        return set;
    }
}
