namespace StyleForge.Engine.Evaluation;

/// <summary>The median the light metrics use: of a window's pixels, of a wall's, and of a set's checkerboard values.</summary>
internal static class Medians
{
    /// <summary>The middle value of <paramref name="values"/> (sorted in place), or the mean of the middle two; the list must not be empty.</summary>
    public static double Of(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
