namespace StyleForge.Plugins.GanKit.Training;

/// <summary>The option combinations every GAN method refuses the same way, each with a message naming the options.</summary>
internal static class TrainingChecks
{
    /// <summary>Crops must be a multiple of 4 (two stride-2 downsamples) and fit in the loaded texture.</summary>
    public static void Crop(int cropSize, int loadSize)
    {
        if (cropSize % 4 != 0)
        {
            throw new PluginException($"option crop_size={cropSize}: the generator needs a multiple of 4; try {cropSize / 4 * 4 + 4}.");
        }
        if (loadSize < cropSize)
        {
            throw new PluginException($"option load_size={loadSize} is smaller than crop_size={cropSize}; set load_size to at least crop_size.");
        }
    }

    /// <summary>A schedule of no epochs and no iterations has nothing to train.</summary>
    public static void Schedule(long? iterations, int epochs, int decayEpochs)
    {
        if (iterations is null && epochs + decayEpochs == 0)
        {
            throw new PluginException("options epochs=0 and decay_epochs=0 leave nothing to train; set one of them or iterations.");
        }
    }
}
