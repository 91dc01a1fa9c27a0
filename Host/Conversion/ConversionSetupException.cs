namespace StyleForge.Host.Conversion;

/// <summary>A conversion cannot start (no model, unknown plugin, bad folder); the message says what to do. Nothing was converted.</summary>
internal sealed class ConversionSetupException : Exception
{
    public ConversionSetupException(string message) : base(message)
    {
    }
}
