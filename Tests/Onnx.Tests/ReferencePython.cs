using System.Diagnostics;
using Xunit;

namespace StyleForge.Onnx.Tests;

/// <summary>Debian's python3-torch, which writes real PyTorch state dicts with Assets/reference_generator.py.</summary>
internal static class ReferencePython
{
    private static readonly Lazy<string?> Interpreter = new(Find);

    /// <summary>Skips the test, with the reason, where python3-torch is missing; .ci/run installs it, so CI runs it.</summary>
    public static string Require()
    {
        Skip.If(Interpreter.Value is null, "python3 with torch is not installed (apt-get install python3-torch; .ci/run installs it)");
        return Interpreter.Value!;
    }

    /// <summary>Writes net_G.pth, input.bin and output.bin into <paramref name="folder"/> with the reference generator definition.</summary>
    public static void WriteGenerator(string folder, int ngf, int blocks, int seed, int width, int height, string variant = "plain")
    {
        var python = Require();
        Directory.CreateDirectory(folder);
        var script = Path.Combine(AppContext.BaseDirectory, "Assets", "reference_generator.py");
        var (exit, output) = Run(python, $"\"{script}\" \"{folder}\" {ngf} {blocks} {seed} {width} {height} {variant}");
        Assert.True(exit == 0, $"reference_generator.py failed: {output}");
    }

    public static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    private static string? Find()
    {
        // Debian's interpreter first: a python3 earlier on PATH (pyenv and the like) does not see Debian's packages.
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                if (Run(candidate, "-c \"import torch\"").Exit == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under that name.
            }
        }
        return null;
    }

    private static (int Exit, string Output) Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
