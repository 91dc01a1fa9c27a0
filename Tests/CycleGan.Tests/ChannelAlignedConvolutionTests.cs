using StyleForge.Plugins.GanKit.Model;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>
/// The convolution that routes around oneDNN's uninitialised backward-data padding: same values and gradients as a
/// plain convolution, and finite input gradients even when the allocator hands back memory full of NaN.
/// </summary>
public sealed class ChannelAlignedConvolutionTests
{
    public static TheoryData<long, long, long, long, long, long> Layers => new()
    {
        // input channels, output channels, kernel, stride, padding, side: the generator's last 7x7 convolution, the
        // discriminator's last, the tiny model's first, and a 20-filter first layer.
        { 16, 3, 7, 1, 0, 70 },
        { 256, 1, 4, 1, 1, 7 },
        { 3, 4, 7, 1, 0, 38 },
        { 3, 20, 7, 1, 0, 38 },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Aligned_convolution_matches_a_float64_reference_in_value_and_every_gradient(long input, long output, long kernel, long stride, long padding, long side)
    {
        // Given a convolution's inputs
        using var scope = NewDisposeScope();
        using var random = new Generator(3);
        var x = randn([2, input, side, side], generator: random);
        var weight = randn([output, input, kernel, kernel], generator: random) * 0.05;
        var bias = randn([output], generator: random);
        var gradient = randn(nn.functional.conv2d(x, weight, bias, [stride, stride], [padding, padding]).shape, generator: random);

        // When the aligned path runs forward and backward in float32, and libtorch's plain convolution in float64
        // (which oneDNN does not handle, so it is an independent implementation)
        var aligned = Gradients(x, weight, bias, gradient, (a, w, b) => ChannelAlignedConvolution.Apply(a, w, b, [stride, stride], [padding, padding]));
        var exact = Gradients(x.to(float64), weight.to(float64), bias.to(float64), gradient.to(float64),
            (a, w, b) => nn.functional.conv2d(a, w, b, [stride, stride], [padding, padding]));

        // Then output, input gradient, weight gradient and bias gradient agree to float32 rounding of sums of a few
        // thousand terms (the plain float32 path was off by up to 1.3 in the input gradient on AVX2 and AVX-512 kernels)
        string[] names = ["output", "input gradient", "weight gradient", "bias gradient"];
        for (var i = 0; i < names.Length; i++)
        {
            var error = (aligned[i].to(float64) - exact[i]).abs().max().item<double>();
            var scale = Math.Max(1, exact[i].abs().max().item<double>());
            Assert.True(error <= 1e-5 * scale * Math.Sqrt(exact[i].numel()), $"{names[i]}: max error {error:G3} against a scale of {scale:G3}");
        }
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Input_gradient_stays_finite_when_freed_memory_holds_NaN(long input, long output, long kernel, long stride, long padding, long side)
    {
        // Given a convolution whose output channels are not a multiple of oneDNN's 16-channel block
        using var random = new Generator(5);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var scope = NewDisposeScope();
            var x = randn([1, input, side, side], generator: random).requires_grad_(true);
            var weight = (randn([output, input, kernel, kernel], generator: random) * 0.05).requires_grad_(true);
            var bias = zeros(output).requires_grad_(true);
            var y = ChannelAlignedConvolution.Apply(x, weight, bias, [stride, stride], [padding, padding]);
            var gradient = randn(y.shape, generator: random);

            // When the allocator's free lists were just filled with NaN (so uninitialised reads see NaN) and it backpropagates
            FillFreedMemoryWithNaN();
            y.backward([gradient]);

            // Then the input gradient is finite (the plain path gave NaN here in every one of 10 tries on AVX-512)
            Assert.True(x.grad!.isfinite().all().item<bool>(), $"non-finite input gradient in attempt {attempt}");
            Assert.True(weight.grad!.isfinite().all().item<bool>());
        }
    }

    private static Tensor[] Gradients(Tensor x, Tensor weight, Tensor bias, Tensor gradient, Func<Tensor, Tensor, Tensor, Tensor> convolution)
    {
        var a = x.clone().requires_grad_(true);
        var w = weight.clone().requires_grad_(true);
        var b = bias.clone().requires_grad_(true);
        var y = convolution(a, w, b);
        y.backward([gradient]);
        return [y.detach(), a.grad!, w.grad!, b.grad!];
    }

    private static void FillFreedMemoryWithNaN()
    {
        using var scope = NewDisposeScope();
        foreach (var size in new long[] { 16, 64, 256, 1024, 4096, 16384, 65536, 262144 })
        {
            for (var i = 0; i < 8; i++)
            {
                full(size, float.NaN);
            }
        }
    }
}
