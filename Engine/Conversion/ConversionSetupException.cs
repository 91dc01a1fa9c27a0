namespace StyleForge.Engine.Conversion;

/// <summary>A conversion cannot start (no model, unknown plugin, bad folder); the message says what to do. Nothing was converted.</summary>
public sealed class ConversionSetupException : Exception
{
    public ConversionSetupException(string message) : base(message)
    {
    }

    /// <summary>A setup failure caused by a plugin's exception, kept for --verbose.</summary>
    public ConversionSetupException(string message, Exception cause) : base(message, cause)
    {
    }
}
