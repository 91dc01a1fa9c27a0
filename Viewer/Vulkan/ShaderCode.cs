namespace StyleForge.Viewer.Vulkan;

/// <summary>Reads the SPIR-V that the build embeds from Shaders/*.spv.</summary>
internal static class ShaderCode
{
    public static byte[] Load(string fileName)
    {
        var name = $"StyleForge.Viewer.Shaders.{fileName}";
        using var stream = typeof(ShaderCode).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The viewer assembly lacks the embedded shader {name}.");
        var code = new byte[stream.Length];
        stream.ReadExactly(code);
        return code;
    }
}
