namespace StyleForge.Viewer.Vulkan;

/// <summary>How block-compressed texture levels reach the GPU.</summary>
internal enum BlockUpload
{
    /// <summary>The blocks as stored when the device can sample their format, decoded RGBA otherwise.</summary>
    Direct,

    /// <summary>Always decoded RGBA: what a device without BCn support gets; tests force it to check that path.</summary>
    Decoded,
}
