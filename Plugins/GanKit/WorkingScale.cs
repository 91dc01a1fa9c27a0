namespace StyleForge.Plugins.GanKit;

/// <summary>
/// The scale a model works at. Training brings every texture to load_size (its shorter side); a model trained on
/// textures shrunk that way has learned windows, bricks and glows at the shrunk size, so conversion shrinks each
/// texture by the same factor, runs the generator and resizes the result back to the texture's own size. Training
/// that enlarges textures (the reference's load_size 286 for 256 px images, a margin for random crops) converts at
/// the texture's own size, as the reference converts: enlarging adds no detail to translate.
/// </summary>
internal static class WorkingScale
{
    /// <summary>
    /// The scale for a model trained on textures resized by <paramref name="factors"/> (load_size over each texture's
    /// shorter side): their median, at most 1.
    /// </summary>
    public static double Of(IEnumerable<double> factors)
    {
        var sorted = factors.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 1;
        }
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Min(1, median);
    }

    /// <summary>Refuses a scale that is not in (0, 1], naming <paramref name="source"/>.</summary>
    public static void Check(double scale, string source)
    {
        if (!(scale > 0 && scale <= 1))
        {
            throw new PluginException($"{source}: working scale {scale} is not in (0, 1]; export the model again with this plugin.");
        }
    }
}
