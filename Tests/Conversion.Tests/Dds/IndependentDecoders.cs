using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace StyleForge.Conversion.Tests.Dds;

/// <summary>
/// The independent DDS implementations the tests check against, from Debian packages that .ci/run installs:
/// Pillow (python3-pil) and NVIDIA Texture Tools 2.0 (libnvtt-bin).
/// </summary>
internal static class IndependentDecoders
{
    // Debian's interpreter, where python3-pil is installed; a python3 earlier on PATH (pyenv) may not have Pillow.
    private const string Python = "/usr/bin/python3";

    public static string? PillowMissing()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is missing (apt-get install python3-pil)";
        }
        return Run(Python, "-c", "import PIL.DdsImagePlugin").Code == 0 ? null : "Pillow is missing (apt-get install python3-pil)";
    }

    public static string? NvttMissing() =>
        File.Exists("/usr/bin/nvcompress") && File.Exists("/usr/bin/nvdecompress") ? null : "nvcompress/nvdecompress are missing (apt-get install libnvtt-bin)";

    /// <summary>The top level of a DDS file (or any image) as Pillow decodes it, as RGBA (gray repeated, opaque alpha where the mode has none).</summary>
    public static byte[] PillowDecode(string image)
    {
        var raw = image + ".pillow.rgba";
        var (code, error) = Run(Python, "-c",
            "import sys; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); open(sys.argv[2], 'wb').write(im.convert('RGBA').tobytes())",
            image, raw);
        if (code != 0)
        {
            throw new InvalidOperationException($"Pillow could not decode {image}: {error}");
        }
        return File.ReadAllBytes(raw);
    }

    /// <summary>Compresses a PNG with nvcompress (<paramref name="options"/> such as "-bc1"); mips as nvcompress makes them.</summary>
    public static void NvCompress(string png, string dds, params string[] options)
    {
        var (code, error) = Run("nvcompress", options.Concat(new[] { png, dds }).ToArray());
        if (code != 0 || !File.Exists(dds))
        {
            throw new InvalidOperationException($"nvcompress {string.Join(' ', options)} failed ({code}): {error}");
        }
    }

    /// <summary>The top level of a DDS file as nvdecompress decodes it, as RGBA.</summary>
    public static byte[] NvDecompress(string dds)
    {
        var (code, error) = Run("nvdecompress", dds);
        var tga = Path.ChangeExtension(dds, ".tga");
        if (code != 0 || !File.Exists(tga))
        {
            throw new InvalidOperationException($"nvdecompress could not decode {dds} ({code}): {error}");
        }
        // ImageSharp 2.1 refuses the alpha bits field nvdecompress writes in its TGA header; Pillow reads it.
        return PillowDecode(tga);
    }

    public static void SavePng(byte[] rgba, int width, int height, string path)
    {
        using var image = Image.LoadPixelData<Rgba32>(rgba, width, height);
        image.SaveAsPng(path);
    }

    private static (int Code, string Error) Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error + output.Result);
    }
}
