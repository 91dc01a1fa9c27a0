using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Tests;

/// <summary>
/// lambda_chroma: the chroma term charges a colour that turns where a pixel is bright in both images, and almost nothing
/// for brightening, darkening, or colour lost in the dark; with the option set, training logs and applies it.
/// </summary>
public sealed class ChromaTermTests : IDisposable
{
    private readonly TinyRun _run = new();

    public void Dispose() => _run.Dispose();

    /// <summary>An image of one colour, given in [0, 1] and returned in the generators' [-1, 1].</summary>
    private static Tensor Flat(double r, double g, double b, int size = 4) =>
        tensor(new[] { (float)r, (float)g, (float)b }).reshape(1, 3, 1, 1).expand(1, 3, size, size) * 2 - 1;

    private static double Term(Tensor input, Tensor output) => ChromaLoss.Compute(input, output).item<float>();

    [Fact]
    public void Brightening_or_darkening_a_colour_costs_nothing()
    {
        var curtain = Flat(0.5, 0.2, 0.15);

        // Within float32 rounding and the epsilon that keeps black finite
        Assert.Equal(0, Term(curtain, curtain), 4);
        Assert.Equal(0, Term(curtain, Flat(1.0, 0.4, 0.3)), 4);
        Assert.Equal(0, Term(curtain, Flat(0.05, 0.02, 0.015)), 3);
    }

    [Fact]
    public void Turning_a_bright_blue_warm_costs_what_the_angle_says_and_more_than_darkening_it()
    {
        // Given a bright blue (a sky reflection)
        var sky = Flat(0.4, 0.6, 0.9);

        // When it is lit warm, or turned dark
        var lit = Term(sky, Flat(1.0, 0.7, 0.35));
        var dark = Term(sky, Flat(0.03, 0.03, 0.05));

        // Then lighting it warm costs 1 - cosine of the two colours, and going dark costs a small fraction of that
        var cosine = (0.4 * 1.0 + 0.6 * 0.7 + 0.9 * 0.35) / (Math.Sqrt(0.16 + 0.36 + 0.81) * Math.Sqrt(1 + 0.49 + 0.1225));
        Assert.Equal(1 - cosine, lit, 4);
        Assert.True(dark < lit / 5, $"dark {dark} against lit {lit}");
    }

    [Fact]
    public void Each_pixel_weighs_by_the_darker_of_its_two_brightnesses()
    {
        // Given two pixels that turn from red to green: one bright in both images, one that also goes dark
        var input = cat([Flat(0.8, 0, 0, 1), Flat(0.8, 0, 0, 1)], 3);
        var output = cat([Flat(0, 0.8, 0, 1), Flat(0, 0.08, 0, 1)], 3);

        // Then both turn by 90 degrees (1 - cosine = 1), weighted 0.8 and 0.08: the mean is 1
        Assert.Equal(1, Term(input, output), 3);

        // And if only the dark one turns, it costs its weight's share: 0.08 / 0.88
        var keep = cat([Flat(0.8, 0, 0, 1), Flat(0, 0.08, 0, 1)], 3);
        Assert.Equal(0.08 / 0.88, Term(input, keep), 4);
    }

    [Fact]
    public void Its_gradient_turns_the_colour_and_does_not_pull_the_pixel_darker()
    {
        // Given an output that has turned a red input a little green
        var input = Flat(0.8, 0.1, 0.1);
        var output = Flat(0.6, 0.4, 0.1).detach().requires_grad_(true);

        // When the term is backpropagated
        ChromaLoss.Compute(input, output).backward();
        var gradient = output.grad!.mean([0, 2, 3]);
        var (r, g, b) = (gradient[0].item<float>(), gradient[1].item<float>(), gradient[2].item<float>());

        // Then a step down the gradient raises red and lowers green (towards the input's colour), and moves the output
        // along no more than a sliver of its own colour direction (the weights are constants)
        Assert.True(r < 0 && g > 0, $"gradient ({r}, {g}, {b})");
        var along = (r * 0.6 + g * 0.4 + b * 0.1) / Math.Sqrt(0.36 + 0.16 + 0.01);
        Assert.True(Math.Abs(along) < 0.05 * Math.Sqrt(r * r + g * g + b * b), $"along the colour {along}");
    }

    [Fact]
    public void With_lambda_chroma_set_training_logs_both_directions_terms_and_changes_the_updates()
    {
        // Given the same tiny run (same seed) with and without the term
        using var reference = new TestContext(_run.Directory, seed: 7);
        using var chroma = new TestContext(_run.Directory, seed: 7);

        // When both train
        _run.Train(_run.Output("reference"), TinyRun.Options(("iterations", "3")), reference);
        _run.Train(_run.Output("chroma"), TinyRun.Options(("iterations", "3"), ("lambda_chroma", "30")), chroma);

        // Then the run with the term logs chroma_A and chroma_B, finite and above 0, and every report carries them
        var rows = TinyRun.LossRows(_run.Output("chroma"));
        Assert.Equal("iteration,lr,D_A,G_A,cycle_A,idt_A,chroma_A,D_B,G_B,cycle_B,idt_B,chroma_B", string.Join(',', rows[0]));
        foreach (var term in new[] { "chroma_A", "chroma_B" })
        {
            var column = Array.IndexOf(rows[0], term);
            Assert.All(rows.Skip(1), row => Assert.True(double.Parse(row[column]) is > 0 and < 30, $"{term} {row[column]}"));
        }
        Assert.All(chroma.Reports, r => Assert.Equal(10, r.Values.Count));

        // And the first iteration's other losses equal the reference run's (the same weights and batch), while the
        // second's differ, because the first update included the term
        var plain = TinyRun.LossRows(_run.Output("reference"));
        foreach (var term in new[] { "G_A", "cycle_A", "idt_A", "G_B", "cycle_B", "idt_B" })
        {
            Assert.Equal(plain[1][Array.IndexOf(plain[0], term)], rows[1][Array.IndexOf(rows[0], term)]);
        }
        Assert.NotEqual(plain[2][Array.IndexOf(plain[0], "cycle_A")], rows[2][Array.IndexOf(rows[0], "cycle_A")]);
    }
}
