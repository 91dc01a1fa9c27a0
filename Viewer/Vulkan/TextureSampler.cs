using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>A sampler with one filter for magnification, minification and (when minifying) between mip levels.</summary>
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
            // Nearest is used only when magnifying, where level 0 is always the right one; linear
            // blends between mips so a minified texture neither shimmers nor pops between levels.
            MipmapMode = filter == Filter.Linear ? SamplerMipmapMode.Linear : SamplerMipmapMode.Nearest,
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
