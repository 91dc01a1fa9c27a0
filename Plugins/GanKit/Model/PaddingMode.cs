namespace StyleForge.Plugins.GanKit.Model;

/// <summary>How the generator's padding layers extend an image past its border.</summary>
internal enum PaddingMode
{
    /// <summary>
    /// The reference's borders, used for training: reflection pads mirror the image, and the stride-2 convolutions pad
    /// one row of zeros (the reference's Conv2d padding=1; <see cref="DownsampleConv.WrapsBorder"/> is false).
    /// </summary>
    Reflect,

    /// <summary>Wrap around to the opposite border, so a tileable texture stays tileable.</summary>
    Circular,
}
