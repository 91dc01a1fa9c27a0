namespace StyleForge.Engine.Textures;

/// <summary>
/// Errors for texture files in a format (or a kind of that format) StyleForge does not convert yet, such as a DDS cube
/// map. They are <see cref="InvalidDataException"/>s, so every place that reports a bad file per file reports these
/// too, with a mark that tells them apart; the message starts with the path and says "not supported yet".
/// </summary>
public static class UnsupportedTextureFormat
{
    private const string Mark = "StyleForge.UnsupportedFormat";

    public static InvalidDataException Error(string message)
    {
        var error = new InvalidDataException(message);
        error.Data[Mark] = true;
        return error;
    }

    /// <summary>Whether <paramref name="error"/> came from <see cref="Error"/>.</summary>
    public static bool Is(Exception error) => error.Data.Contains(Mark);
}
