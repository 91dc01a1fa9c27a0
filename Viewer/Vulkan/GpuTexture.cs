using System.Numerics;
using Silk.NET.Vulkan;

namespace StyleForge.Viewer.Vulkan;

/// <summary>
/// One image on the GPU with a view per level it can show. A plain image is uploaded as RGBA with a mip chain built
/// by blits for filtering, and shows level 0 only; a texture file's own chain (<see cref="ViewerTexture"/>) is
/// uploaded level by level, as blocks when the device samples their format, and each level can be shown.
/// </summary>
internal sealed unsafe class GpuTexture : IDisposable
{
    private const Format PlainFormat = Format.R8G8B8A8Unorm;

    private readonly VulkanDevice _device;
    private readonly GpuImage _image;
    private readonly ImageView[] _ownViews;

    private GpuTexture(VulkanDevice device, GpuImage image, Format format, ImageView[] ownViews, ImageView[] levelViews)
    {
        _device = device;
        _image = image;
        _ownViews = ownViews;
        LevelViews = levelViews;
        Format = format;
    }

    /// <summary>The Vulkan format the image was created with: a block format when blocks went up directly.</summary>
    public Format Format { get; }

    /// <summary>View <c>i</c> starts at level <c>i</c>, so the shader sees that level as its level 0.</summary>
    public IReadOnlyList<ImageView> LevelViews { get; }

    public ImageView View(int level) => LevelViews[Math.Clamp(level, 0, LevelViews.Count - 1)];

    public static GpuTexture Upload(VulkanDevice device, GpuCommands commands, ViewerImage source, BlockUpload upload) =>
        source.Texture is { } texture ? UploadLevels(device, commands, texture, upload) : UploadPlain(device, commands, source);

    /// <summary>The Vulkan format that samples <paramref name="format"/> as stored, with the sRGB flag.</summary>
    public static Format VulkanFormat(ViewerPixelFormat format, bool srgb) => format switch
    {
        // The RGBA variant: a BC1 block in three-colour mode marks its fourth index transparent, as our decoder does.
        ViewerPixelFormat.Bc1 => srgb ? Format.BC1RgbaSrgbBlock : Format.BC1RgbaUnormBlock,
        ViewerPixelFormat.Bc2 => srgb ? Format.BC2SrgbBlock : Format.BC2UnormBlock,
        ViewerPixelFormat.Bc3 => srgb ? Format.BC3SrgbBlock : Format.BC3UnormBlock,
        ViewerPixelFormat.Bc4 => Format.BC4UnormBlock,
        ViewerPixelFormat.Bc5 => Format.BC5UnormBlock,
        ViewerPixelFormat.Bc7 => srgb ? Format.BC7SrgbBlock : Format.BC7UnormBlock,
        _ => srgb ? Format.R8G8B8A8Srgb : Format.R8G8B8A8Unorm,
    };

    /// <summary>The Vulkan specification's name of the formats the viewer uses, for messages and tests.</summary>
    public static string NameOf(Format format) => format switch
    {
        Format.BC1RgbaUnormBlock => "VK_FORMAT_BC1_RGBA_UNORM_BLOCK",
        Format.BC1RgbaSrgbBlock => "VK_FORMAT_BC1_RGBA_SRGB_BLOCK",
        Format.BC2UnormBlock => "VK_FORMAT_BC2_UNORM_BLOCK",
        Format.BC2SrgbBlock => "VK_FORMAT_BC2_SRGB_BLOCK",
        Format.BC3UnormBlock => "VK_FORMAT_BC3_UNORM_BLOCK",
        Format.BC3SrgbBlock => "VK_FORMAT_BC3_SRGB_BLOCK",
        Format.BC4UnormBlock => "VK_FORMAT_BC4_UNORM_BLOCK",
        Format.BC5UnormBlock => "VK_FORMAT_BC5_UNORM_BLOCK",
        Format.BC7UnormBlock => "VK_FORMAT_BC7_UNORM_BLOCK",
        Format.BC7SrgbBlock => "VK_FORMAT_BC7_SRGB_BLOCK",
        Format.R8G8B8A8Unorm => "VK_FORMAT_R8G8B8A8_UNORM",
        Format.R8G8B8A8Srgb => "VK_FORMAT_R8G8B8A8_SRGB",
        _ => format.ToString(),
    };

    public void Dispose()
    {
        foreach (var view in _ownViews)
        {
            _device.Vk.DestroyImageView(_device.Handle, view, null);
        }
        _image.Dispose();
    }

    private static GpuTexture UploadPlain(VulkanDevice device, GpuCommands commands, ViewerImage source)
    {
        // A full mip chain lets the linear sampler read a level near the screen size when zoomed out:
        // without it a fitted 4096 px texture aliases and costs a cache miss per pixel.
        var levels = device.CanBlitLinear(PlainFormat) ? (uint)BitOperations.Log2((uint)Math.Max(source.Width, source.Height)) + 1 : 1;
        var image = new GpuImage(device, source.Width, source.Height, PlainFormat,
            ImageUsageFlags.SampledBit | ImageUsageFlags.TransferDstBit | ImageUsageFlags.TransferSrcBit, levels);
        try
        {
            using var staging = new GpuBuffer(device, source.Rgba.Length, BufferUsageFlags.TransferSrcBit);
            source.Rgba.CopyTo(staging.Bytes);
            commands.Run(cmd => RecordPlainUpload(device.Vk, cmd, staging, image));
            return new GpuTexture(device, image, PlainFormat, [], [image.View]);
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private static GpuTexture UploadLevels(VulkanDevice device, GpuCommands commands, ViewerTexture texture, BlockUpload upload)
    {
        var direct = VulkanFormat(texture.Format, texture.Srgb);
        var asStored = texture.Format == ViewerPixelFormat.Rgba8 || (upload == BlockUpload.Direct && device.CanSample(direct));
        var format = asStored ? direct : VulkanFormat(ViewerPixelFormat.Rgba8, texture.Srgb);
        var levels = texture.Levels;
        var data = levels.Select(level => asStored ? level.Data : level.DecodeRgba()).ToArray();
        var image = new GpuImage(device, levels[0].Width, levels[0].Height, format,
            ImageUsageFlags.SampledBit | ImageUsageFlags.TransferDstBit, (uint)levels.Count);
        var views = new List<ImageView>();
        try
        {
            using var staging = new GpuBuffer(device, data.Sum(d => (long)d.Length), BufferUsageFlags.TransferSrcBit);
            var offsets = new long[data.Length];
            for (int i = 0, offset = 0; i < data.Length; offset += data[i].Length, i++)
            {
                offsets[i] = offset;
                data[i].CopyTo(staging.Bytes[offset..]);
            }
            commands.Run(cmd => RecordLevelsUpload(device.Vk, cmd, staging, image, levels, offsets));
            // Vulkan's BC4 has red only; the viewer shows a one-channel map as gray, like the decoded path.
            var components = format == Format.BC4UnormBlock
                ? new ComponentMapping(ComponentSwizzle.R, ComponentSwizzle.R, ComponentSwizzle.R, ComponentSwizzle.One)
                : default;
            for (var level = 0u; level < levels.Count; level++)
            {
                views.Add(ImageViews.Create(device, image.Handle, format, level, (uint)levels.Count - level, components));
            }
            return new GpuTexture(device, image, format, views.ToArray(), views.ToArray());
        }
        catch
        {
            foreach (var view in views)
            {
                device.Vk.DestroyImageView(device.Handle, view, null);
            }
            image.Dispose();
            throw;
        }
    }

    private static void RecordLevelsUpload(Vk vk, CommandBuffer cmd, GpuBuffer staging, GpuImage image,
        IReadOnlyList<ViewerMipLevel> levels, long[] offsets)
    {
        var all = ImageBarriers.Levels(0, image.MipLevels);
        ImageBarriers.Transition(vk, cmd, image.Handle,
            ImageLayout.Undefined, AccessFlags.None, PipelineStageFlags.TopOfPipeBit,
            ImageLayout.TransferDstOptimal, AccessFlags.TransferWriteBit, PipelineStageFlags.TransferBit, all);
        for (var level = 0; level < levels.Count; level++)
        {
            // Rows are tightly packed (row length 0); a level smaller than a block still copies its own extent.
            var region = new BufferImageCopy
            {
                BufferOffset = (ulong)offsets[level],
                ImageSubresource = new ImageSubresourceLayers(ImageAspectFlags.ColorBit, (uint)level, 0, 1),
                ImageExtent = new Extent3D((uint)levels[level].Width, (uint)levels[level].Height, 1),
            };
            vk.CmdCopyBufferToImage(cmd, staging.Handle, image.Handle, ImageLayout.TransferDstOptimal, 1, &region);
        }
        ImageBarriers.Transition(vk, cmd, image.Handle,
            ImageLayout.TransferDstOptimal, AccessFlags.TransferWriteBit, PipelineStageFlags.TransferBit,
            ImageLayout.ShaderReadOnlyOptimal, AccessFlags.ShaderReadBit, PipelineStageFlags.FragmentShaderBit, all);
    }

    private static void RecordPlainUpload(Vk vk, CommandBuffer cmd, GpuBuffer staging, GpuImage image)
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
}
