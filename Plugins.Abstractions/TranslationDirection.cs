namespace StyleForge.Plugins;

/// <summary>Which of the two learned mappings to apply.</summary>
public enum TranslationDirection
{
    /// <summary>Domain A to domain B (for example day to night).</summary>
    AToB,

    /// <summary>Domain B to domain A.</summary>
    BToA,
}
