using StyleForge.Plugins;

namespace StyleForge.Engine.Evaluation;

/// <summary>
/// How strongly an image carries the dotted grid that stride-2 transposed convolutions leave (Odena et al. 2016,
/// "Deconvolution and Checkerboard Artifacts"). A generator with two such layers repeats the same weights on a lattice of
/// 4 x 4 pixels, so its grid is periodic with a period of 2 or 4 pixels in both directions at once: in the spectrum,
/// sharp lines at the 9 frequencies (a/4, b/4) cycles per pixel with a and b in 1..3. Lines on the axes (a or b = 0)
/// are left out: they are stripes, periodic in one direction only, and a facade's own rows and brick courses put
/// energy there when they fall on multiples of 4 pixels (the sample's truths read 6 to 7 times their background on
/// them, and below 1 off them). Edges, texture and noise spread their energy over every frequency instead, the
/// neighbours of the 9 as much as the 9 themselves.
/// <para>
/// So the value is a line-to-background ratio: the luminance, less its mean and under a Hann window (so the image's
/// borders do not smear into the lines), is transformed; the energy at the 9 frequencies is summed, and divided by the
/// summed mean energy of the 72 frequencies 2 to 4 bins around each (beyond the window's own spread of 1 bin). To that
/// background is added the energy of 8-bit rounding noise, so a smooth image, which has no energy at either, scores
/// near 0 instead of an arbitrary ratio. Content with no lattice scores about 1 or less, a grid many times that.
/// </para>
/// <para>
/// Unlike a measure of how much the image varies at a 2-pixel period, this cannot be cancelled by blur: a prediction
/// softer than its truth loses edge energy at the lines and beside them alike, while a grid stays a line.
/// </para>
/// </summary>
public static class CheckerboardMeasure
{
    /// <summary>The lattice of two stride-2 upsampling layers: lines at multiples of 1/4 cycle per pixel.</summary>
    private const int Lattice = 4;

    /// <summary>Lines 1 .. Lattice - 1 on each axis: the off-axis frequencies only.</summary>
    private const int Lines = Lattice - 1;

    /// <summary>Neighbours closer than this are inside the Hann window's main lobe of a line, so they are left out.</summary>
    private const int InnerRing = 2;

    private const int OuterRing = 4;

    /// <summary>
    /// Below this side the lines (side / 4 bins apart, each with a background 4 bins either side) would crowd each
    /// other's backgrounds; such images are not measured.
    /// </summary>
    public const int MinimumSide = 32;

    /// <summary>Variance of rounding to 8 bits, in units of full scale squared: the least energy any stored image has.</summary>
    private const double RoundingVariance = 1.0 / (12.0 * 255 * 255);

    /// <summary>The measure of <paramref name="image"/>'s luminance; null when a side is below <see cref="MinimumSide"/>.</summary>
    public static double? Of(TextureBuffer image) => Of(ImageQuality.Luminance(image), image.Width, image.Height);

    /// <summary>
    /// The measure of a luminance image, row-major; its top-left corner with sides cut to multiples of 4 is measured,
    /// so the lines fall on whole frequency bins. Null when a side is below <see cref="MinimumSide"/>.
    /// </summary>
    public static double? Of(double[] luminance, int width, int height)
    {
        var w = width - width % Lattice;
        var h = height - height % Lattice;
        if (w < MinimumSide || h < MinimumSide)
        {
            return null;
        }
        var mean = 0.0;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                mean += luminance[y * width + x];
            }
        }
        mean /= (double)w * h;

        var columns = BinsAroundLines(w);
        var rows = BinsAroundLines(h);
        var energy = Spectrum(luminance, width, w, h, mean, columns, rows);

        // Mean Hann-window weight squared is 3/8 per axis, so rounding noise has this expected energy in every bin.
        var floor = (double)w * h * (3.0 / 8) * (3.0 / 8) * RoundingVariance;
        var lineEnergy = 0.0;
        var background = 0.0;
        for (var a = 1; a <= Lines; a++)
        {
            for (var b = 1; b <= Lines; b++)
            {
                lineEnergy += energy[Index(a, 0), Index(b, 0)];
                var sum = 0.0;
                var count = 0;
                for (var du = -OuterRing; du <= OuterRing; du++)
                {
                    for (var dv = -OuterRing; dv <= OuterRing; dv++)
                    {
                        if (Math.Max(Math.Abs(du), Math.Abs(dv)) >= InnerRing)
                        {
                            sum += energy[Index(a, du), Index(b, dv)];
                            count++;
                        }
                    }
                }
                background += sum / count + floor;
            }
        }
        return lineEnergy / background;
    }

    private const int Span = 2 * OuterRing + 1;

    /// <summary>Where line <paramref name="line"/>'s neighbour at <paramref name="offset"/> sits in <see cref="BinsAroundLines"/>.</summary>
    private static int Index(int line, int offset) => (line - 1) * Span + offset + OuterRing;

    /// <summary>The frequency bins of one axis of <paramref name="length"/> samples that the lines and their neighbours use.</summary>
    private static int[] BinsAroundLines(int length)
    {
        var bins = new int[Lines * Span];
        for (var line = 1; line <= Lines; line++)
        {
            for (var offset = -OuterRing; offset <= OuterRing; offset++)
            {
                bins[Index(line, offset)] = ((line * length / Lattice + offset) % length + length) % length;
            }
        }
        return bins;
    }

    /// <summary>
    /// |F(u, v)|^2 of the windowed, mean-free image at the given row and column bins only: a separable discrete Fourier
    /// transform, first along each row for the column bins, then down each of those columns for the row bins. That is
    /// 27 bins per axis, so it costs about 27 complex multiply-adds per pixel and no whole transform's memory.
    /// </summary>
    private static double[,] Spectrum(double[] luminance, int stride, int w, int h, double mean, int[] columns, int[] rows)
    {
        var windowX = Hann(w);
        var windowY = Hann(h);
        var (cosX, sinX) = Twiddles(w);
        var (cosY, sinY) = Twiddles(h);

        var rowRe = new double[h, columns.Length];
        var rowIm = new double[h, columns.Length];
        var line = new double[w];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                line[x] = (luminance[y * stride + x] - mean) * windowX[x] * windowY[y];
            }
            for (var c = 0; c < columns.Length; c++)
            {
                var v = columns[c];
                double re = 0, im = 0;
                var phase = 0;
                for (var x = 0; x < w; x++)
                {
                    re += line[x] * cosX[phase];
                    im -= line[x] * sinX[phase];
                    phase += v;
                    if (phase >= w)
                    {
                        phase -= w;
                    }
                }
                rowRe[y, c] = re;
                rowIm[y, c] = im;
            }
        }

        var energy = new double[rows.Length, columns.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var u = rows[r];
            for (var c = 0; c < columns.Length; c++)
            {
                double re = 0, im = 0;
                var phase = 0;
                for (var y = 0; y < h; y++)
                {
                    // (a + ib)(cos - i sin) = (a cos + b sin) + i (b cos - a sin)
                    re += rowRe[y, c] * cosY[phase] + rowIm[y, c] * sinY[phase];
                    im += rowIm[y, c] * cosY[phase] - rowRe[y, c] * sinY[phase];
                    phase += u;
                    if (phase >= h)
                    {
                        phase -= h;
                    }
                }
                energy[r, c] = re * re + im * im;
            }
        }
        return energy;
    }

    /// <summary>The periodic Hann window, whose transform is zero at every whole bin 2 or more from a line.</summary>
    private static double[] Hann(int n)
    {
        var window = new double[n];
        for (var i = 0; i < n; i++)
        {
            window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n);
        }
        return window;
    }

    private static (double[] Cos, double[] Sin) Twiddles(int n)
    {
        var cos = new double[n];
        var sin = new double[n];
        for (var k = 0; k < n; k++)
        {
            cos[k] = Math.Cos(2 * Math.PI * k / n);
            sin[k] = Math.Sin(2 * Math.PI * k / n);
        }
        return (cos, sin);
    }
}
