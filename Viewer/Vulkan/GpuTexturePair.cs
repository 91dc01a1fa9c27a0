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

    public DescriptorSet Set(bool linear) => linear ? _linearSet : _nearestSet;

    public void Dispose()
    {
        _device.Vk.DestroyDescriptorPool(_device.Handle, _pool, null);
        _after?.Dispose();
        _before.Dispose();
    }

    private static GpuImage Upload(VulkanDevice device, GpuCommands commands, ViewerImage source)
    {
        if (source.Width > device.MaxImageDimension2D || source.Height > device.MaxImageDimension2D)
        {
            throw new ArgumentException($"Image '{source.Name}' is {source.Width}x{source.Height}, over the " +
                $"{device.MaxImageDimension2D} px texture limit of the Vulkan device {device.Name}.");
        }
        var image = new GpuImage(device, source.Width, source.Height, TextureFormat,
            ImageUsageFlags.SampledBit | ImageUsageFlags.TransferDstBit);
        try
        {
            using var staging = new GpuBuffer(device, source.Rgba.Length, BufferUsageFlags.TransferSrcBit);
            source.Rgba.CopyTo(staging.Bytes);
            commands.Run(cmd =>
            {
                var vk = device.Vk;
                ImageBarriers.Transition(vk, cmd, image.Handle,
                    ImageLayout.Undefined, AccessFlags.None, PipelineStageFlags.TopOfPipeBit,
                    ImageLayout.TransferDstOptimal, AccessFlags.TransferWriteBit, PipelineStageFlags.TransferBit);
                var region = new BufferImageCopy
                {
                    BufferOffset = 0,
                    BufferRowLength = 0,
                    BufferImageHeight = 0,
                    ImageSubresource = new ImageSubresourceLayers(ImageAspectFlags.ColorBit, 0, 0, 1),
                    ImageExtent = new Extent3D((uint)source.Width, (uint)source.Height, 1),
                };
                vk.CmdCopyBufferToImage(cmd, staging.Handle, image.Handle, ImageLayout.TransferDstOptimal, 1, &region);
                ImageBarriers.Transition(vk, cmd, image.Handle,
                    ImageLayout.TransferDstOptimal, AccessFlags.TransferWriteBit, PipelineStageFlags.TransferBit,
                    ImageLayout.ShaderReadOnlyOptimal, AccessFlags.ShaderReadBit, PipelineStageFlags.FragmentShaderBit);
            });
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
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
