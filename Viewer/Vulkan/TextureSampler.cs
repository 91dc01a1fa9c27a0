using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>A sampler with one filter for magnification and minification, reading the nearest mip level.</summary>
internal sealed unsafe class TextureSampler : IDisposable
{
    private readonly VulkanDevice _device;

    public TextureSampler(VulkanDevice device, Filter filter)
    {
        _device = device;
        // Repeat addressing lets tile mode wrap texture coordinates past 1, so linear
        // filtering blends across the seam the way a tiling texture is used in a game.
        var info = new SamplerCreateInfo
        {
            SType = StructureType.SamplerCreateInfo,
            MagFilter = filter,
            MinFilter = filter,
            // One mip level per lookup, not a blend of two: on lavapipe a fitted 4096 px texture
            // then costs 1.25x a lookup without mips, against 2.2x for trilinear (measured A/B
            // in one run on this machine; see docs/viewer.md). The only price is a level change
            // while zooming, which a still comparison view never shows.
            MipmapMode = SamplerMipmapMode.Nearest,
            AddressModeU = SamplerAddressMode.Repeat,
            AddressModeV = SamplerAddressMode.Repeat,
            AddressModeW = SamplerAddressMode.Repeat,
            MaxLod = filter == Filter.Linear ? Vk.LodClampNone : 0,
            BorderColor = BorderColor.FloatOpaqueBlack,
        };
        Sampler sampler;
        VulkanCall.Check(device.Vk.CreateSampler(device.Handle, &info, null, &sampler), "vkCreateSampler");
        Handle = sampler;
    }

    public Sampler Handle { get; }

    public void Dispose() => _device.Vk.DestroySampler(_device.Handle, Handle, null);
}
