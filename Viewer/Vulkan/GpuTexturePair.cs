using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>
/// A pair's textures on the GPU and, for every level that can be shown, two descriptor sets binding them, one per
/// sampler, so the filter can follow the zoom and the level can change without rewriting descriptors every frame.
/// </summary>
internal sealed unsafe class GpuTexturePair : IDisposable
{
    private readonly VulkanDevice _device;
    private readonly GpuTexture _before;
    private readonly GpuTexture? _after;
    private readonly DescriptorPool _pool;
    private readonly DescriptorSet[] _nearestSets;
    private readonly DescriptorSet[] _linearSets;

    public GpuTexturePair(VulkanDevice device, GpuCommands commands, ViewPipeline pipeline, ViewerPair pair,
        TextureSampler nearest, TextureSampler linear, BlockUpload upload = BlockUpload.Direct)
    {
        _device = device;
        _before = GpuTexture.Upload(device, commands, pair.Before, upload);
        _after = pair.After is null ? null : GpuTexture.Upload(device, commands, pair.After, upload);
        var after = _after ?? _before;
        var levels = Math.Max(_before.LevelViews.Count, after.LevelViews.Count);

        var poolSize = new DescriptorPoolSize(DescriptorType.CombinedImageSampler, (uint)(4 * levels));
        var poolInfo = new DescriptorPoolCreateInfo
        {
            SType = StructureType.DescriptorPoolCreateInfo,
            MaxSets = (uint)(2 * levels),
            PoolSizeCount = 1,
            PPoolSizes = &poolSize,
        };
        DescriptorPool pool;
        VulkanCall.Check(device.Vk.CreateDescriptorPool(device.Handle, &poolInfo, null, &pool), "vkCreateDescriptorPool");
        _pool = pool;
        _nearestSets = new DescriptorSet[levels];
        _linearSets = new DescriptorSet[levels];
        for (var level = 0; level < levels; level++)
        {
            _nearestSets[level] = CreateSet(pipeline, nearest, _before.View(level), after.View(level));
            _linearSets[level] = CreateSet(pipeline, linear, _before.View(level), after.View(level));
        }
    }

    /// <summary>The Vulkan formats the before and after images were uploaded in (the same object twice without an after).</summary>
    public IEnumerable<Format> Formats => _after is null ? [_before.Format] : [_before.Format, _after.Format];

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

    /// <summary>The set for a filter and a requested mip level; each image shows its last level when it has fewer.</summary>
    public DescriptorSet Set(bool linear, int level)
    {
        var sets = linear ? _linearSets : _nearestSets;
        return sets[Math.Clamp(level, 0, sets.Length - 1)];
    }

    public void Dispose()
    {
        _device.Vk.DestroyDescriptorPool(_device.Handle, _pool, null);
        _after?.Dispose();
        _before.Dispose();
    }

    private DescriptorSet CreateSet(ViewPipeline pipeline, TextureSampler sampler, ImageView before, ImageView after)
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
        images[0] = new DescriptorImageInfo(sampler.Handle, before, ImageLayout.ShaderReadOnlyOptimal);
        images[1] = new DescriptorImageInfo(sampler.Handle, after, ImageLayout.ShaderReadOnlyOptimal);
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
