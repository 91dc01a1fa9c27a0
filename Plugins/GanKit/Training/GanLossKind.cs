namespace StyleForge.Plugins.GanKit.Training;

/// <summary>The adversarial loss.</summary>
internal enum GanLossKind
{
    /// <summary>Least squares to 1 (real) and 0 (fake), the reference's choice.</summary>
    Lsgan,

    /// <summary>Binary cross-entropy on the raw scores, the original GAN loss.</summary>
    Vanilla,
}
