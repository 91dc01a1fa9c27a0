namespace StyleForge.Plugins.GanKit.Model;

/// <summary>How the generator's padding layers extend an image past its border.</summary>
internal enum PaddingMode
{
    /// <summary>Mirror the image at its border, as the reference does; used for training.</summary>
    Reflect,

    /// <summary>Wrap around to the opposite border, so a tileable texture stays tileable.</summary>
    Circular,
}
