namespace StyleForge.Engine.Textures.Bcn;

/// <summary>The block-compressed formats the codec handles; every block covers 4 x 4 pixels.</summary>
public enum BcFormat
{
    /// <summary>RGB with an optional 1-bit alpha cut-out, 8 bytes a block (DXT1).</summary>
    Bc1,

    /// <summary>RGB plus explicit 4-bit alpha, 16 bytes a block (DXT3).</summary>
    Bc2,

    /// <summary>RGB plus interpolated alpha, 16 bytes a block (DXT5).</summary>
    Bc3,

    /// <summary>One channel (red), 8 bytes a block (ATI1).</summary>
    Bc4,

    /// <summary>Two channels (red, green), 16 bytes a block (ATI2).</summary>
    Bc5,

    /// <summary>RGB or RGBA with eight block modes, 16 bytes a block (BPTC).</summary>
    Bc7,
}

/// <summary>How hard an encoder searches: fast for previews and large batches, quality for final output.</summary>
public enum BcQuality
{
    Fast,
    Quality,
}
