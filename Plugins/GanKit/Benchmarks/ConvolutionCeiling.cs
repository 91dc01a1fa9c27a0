using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Benchmarks;

/// <summary>
/// The machine's practical convolution rate: GFLOP/s of one large 3x3 convolution forward and backward
/// through the same libtorch the plugin trains with. Training efficiency is measured against it, so the
/// figure says how much of what this CPU can do the training loop turns into useful work.
/// </summary>
internal static class ConvolutionCeiling
{
    /// <summary>
    /// Measures the median rate of <paramref name="repeats"/> passes after one warm-up pass. The default shape
    /// (256 channels, 64x64) is the residual-block convolution of the default generator at 256 px, the largest
    /// single share of a CycleGAN iteration; bench/reference_cyclegan.py measures the same shape.
    /// </summary>
    public static double MeasureGigaflops(int channels = 256, int side = 64, int repeats = 5)
    {
        using var outer = NewDisposeScope();
        var input = randn(1, channels, side, side).requires_grad_(true);
        var weight = (randn(channels, channels, 3, 3) * 0.02).requires_grad_(true);
        var bias = zeros(channels).requires_grad_(true);
        var flops = 3.0 * TrainingFlops.Convolution(channels, channels, 3, side, side);
        var seconds = new List<double>();
        for (var i = 0; i <= repeats; i++)
        {
            using var pass = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            nn.functional.conv2d(input, weight, bias, padding: [1, 1]).sum().backward();
            clock.Stop();
            if (i > 0)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
        }
        return flops / Median(seconds) / 1e9;
    }

    /// <summary>The median of a non-empty list.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
