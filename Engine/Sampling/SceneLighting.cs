namespace StyleForge.Engine.Sampling;

/// <summary>The two looks of the day/night sample: the two domains StyleForge learns to map between.</summary>
public enum SceneLighting
{
    /// <summary>Sunlit from the upper left, the sky reflected in bare glass.</summary>
    Day,

    /// <summary>Dim moonlight; curtained rooms lit warm, lamps glowing and lighting the wall around them.</summary>
    Night,
}
