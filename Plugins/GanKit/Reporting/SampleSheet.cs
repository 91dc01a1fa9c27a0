using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Reporting;

/// <summary>
/// A grid of the first image of several batches as 8-bit RGB, e.g. CycleGAN's real A | fake B | reconstructed A over
/// real B | fake A | reconstructed B. Rendered inside the iteration (while the tensors live), written after.
/// </summary>
internal sealed class SampleSheet
{
    private SampleSheet(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        Rgb = rgb;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Rgb { get; }

    /// <summary>Arranges the six [N, 3, H, W] batches in [-1, 1] (all the same size) into CycleGAN's 3x2 sheet.</summary>
    public static SampleSheet Render(Tensor realA, Tensor fakeB, Tensor recA, Tensor realB, Tensor fakeA, Tensor recB) =>
        Render([[realA, fakeB, recA], [realB, fakeA, recB]]);

    /// <summary>Arranges [N, 3, H, W] batches in [-1, 1] (all the same size) into rows of a sheet, left to right.</summary>
    public static SampleSheet Render(IReadOnlyList<IReadOnlyList<Tensor>> rows)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var sheet = cat(rows.Select(row => cat(row.Select(batch => batch[0]).ToList(), 2)).ToList(), 1);
        var bytes = ((sheet + 1) * 127.5).round().clamp(0, 255).to(ScalarType.Byte).permute(1, 2, 0).contiguous().cpu();
        return new SampleSheet((int)bytes.shape[1], (int)bytes.shape[0], bytes.data<byte>().ToArray());
    }

    /// <summary>Writes the sheet as a PNG, replacing any file at <paramref name="path"/> by a rename.</summary>
    public void WritePng(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, PngWriter.Encode(Width, Height, Rgb));
        File.Move(temporary, path, overwrite: true);
    }
}
