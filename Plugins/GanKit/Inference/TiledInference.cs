using StyleForge.Plugins.GanKit.Model;
using StyleForge.Plugins.GanKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Inference;

/// <summary>
/// Runs a generator over a texture of any size in bounded memory: overlapping tiles, blended with weights
/// that add up to 1, every tile normalised with the same whole-image instance-norm statistics so tiles do not
/// drift in tone. Seamless textures are treated as a torus: wrap-around padding inside the network and
/// tiles that read across the texture's edges.
/// </summary>
internal sealed class TiledInference
{
    /// <summary>
    /// Largest image (in pixels) whose statistics are recorded exactly, in one pass over the whole image.
    /// Larger images are sampled down to this many pixels first (<see cref="StatisticsSampling"/>). 512x512 keeps the
    /// recording pass of the default generator at the memory of one default tile; docs/inference.md has the measured
    /// cost of the approximation.
    /// </summary>
    public const long DefaultStatisticsPixels = 512 * 512;

    /// <summary>
    /// Side of the full-resolution patches of a statistics mosaic (smaller budgets use a quarter of the mosaic side,
    /// so the grid is at least 4x4): about the default generator's receptive field, so most of a patch sees real context.
    /// </summary>
    public const int MosaicPatch = 128;

    private readonly ResnetGenerator _generator;
    private readonly Device _device;
    private readonly long _statisticsPixels;

    public TiledInference(ResnetGenerator generator, Device device, long statisticsPixels = DefaultStatisticsPixels)
    {
        _generator = generator;
        _device = device;
        _statisticsPixels = statisticsPixels;
    }

    /// <summary>How an image larger than the statistics budget is sampled; a mosaic by default (measured better, docs/inference.md).</summary>
    public StatisticsSampling StatisticsSampling { get; init; } = StatisticsSampling.Mosaic;

    /// <summary>Translates an RGB texture and returns an RGB texture of the same size.</summary>
    public TextureBuffer Translate(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
    {
        var tiling = TilingChoice.From(settings);
        var border = settings.Seamless ? PaddingMode.Circular : PaddingMode.Reflect;
        var source = new TextureWindow(rgb, border);
        // A seamless texture is a torus, tiled around; otherwise tiles cover the image padded right and bottom to a
        // multiple of 4, exactly as a whole-image pass pads it.
        var columns = settings.Seamless ? TileAxis.PlanCircular(rgb.Width, tiling.Tile, tiling.Overlap) : TileAxis.Plan(RoundUp4(rgb.Width), tiling.Tile, tiling.Overlap);
        var rows = settings.Seamless ? TileAxis.PlanCircular(rgb.Height, tiling.Tile, tiling.Overlap) : TileAxis.Plan(RoundUp4(rgb.Height), tiling.Tile, tiling.Overlap);
        var singleTile = columns.Spans.Count == 1 && rows.Spans.Count == 1;

        NativeHeap.MapLargeBlocks();
        _generator.eval();
        _generator.UsePadding(border);
        using var statistics = new NormStatistics();
        _generator.UseStatistics(statistics);
        try
        {
            using var _ = no_grad();
            if (singleTile && !settings.Seamless)
            {
                // The whole image is one tile: its own statistics are the whole-image statistics.
                statistics.UsePerSample();
            }
            else
            {
                RecordStatistics(rgb, border, statistics);
                statistics.Replay();
            }
            return Blend(rgb, source, columns, rows, settings.Seamless, cancellation);
        }
        finally
        {
            _generator.UseStatistics(null);
            _generator.UsePadding(PaddingMode.Reflect);
            NativeHeap.Trim();
        }
    }

    private void RecordStatistics(TextureBuffer rgb, PaddingMode border, NormStatistics statistics)
    {
        var width = RoundUp4(rgb.Width);
        var height = RoundUp4(rgb.Height);
        var image = rgb;
        if ((long)width * height > _statisticsPixels)
        {
            var scale = Math.Sqrt(_statisticsPixels / ((double)width * height));
            width = Math.Max(4, (int)(width * scale) / 4 * 4);
            height = Math.Max(4, (int)(height * scale) / 4 * 4);
            image = StatisticsSampling == StatisticsSampling.Mosaic
                ? TextureMosaic.Sample(rgb, width, height, Math.Min(MosaicPatch, Math.Max(4, Math.Min(width, height) / 4 / 4 * 4)))
                : TextureDownscale.Area(rgb, width, height);
        }
        statistics.Record();
        Run(new TextureWindow(image, border).ReadPlanar(0, 0, width, height), width, height, new float[3 * width * height]);
    }

    private TextureBuffer Blend(TextureBuffer rgb, TextureWindow source, TileAxis columns, TileAxis rows, bool wrap, CancellationToken cancellation)
    {
        var result = new TextureBuffer(rgb.Width, rgb.Height, 3);
        var pixels = result.Pixels;
        // Every tile of a plan has the same size: one input and one output buffer serve them all, so a large texture
        // does not pile up megabytes of short-lived arrays on the large-object heap between collections.
        var tileValues = 3 * columns.Spans[0].Length * rows.Spans[0].Length;
        var input = new float[tileValues];
        var output = new float[tileValues];
        for (var r = 0; r < rows.Spans.Count; r++)
        {
            var row = rows.Spans[r];
            var rowWeights = rows.Weights(r);
            for (var c = 0; c < columns.Spans.Count; c++)
            {
                cancellation.ThrowIfCancellationRequested();
                var column = columns.Spans[c];
                var columnWeights = columns.Weights(c);
                TranslateTile(source, column.Start, row.Start, column.Length, row.Length, input, output);
                var plane = column.Length * row.Length;
                for (var ty = 0; ty < row.Length; ty++)
                {
                    var y = wrap ? (row.Start + ty) % rgb.Height : row.Start + ty;
                    if (y >= rgb.Height)
                    {
                        continue;
                    }
                    for (var tx = 0; tx < column.Length; tx++)
                    {
                        var x = wrap ? (column.Start + tx) % rgb.Width : column.Start + tx;
                        if (x >= rgb.Width)
                        {
                            continue;
                        }
                        // Generator output is tanh in [-1, 1]; the texture range is [0, 1].
                        var weight = rowWeights[ty] * columnWeights[tx] * 0.5f;
                        var at = ((y * rgb.Width) + x) * 3;
                        var from = (ty * column.Length) + tx;
                        pixels[at] += weight * (output[from] + 1f);
                        pixels[at + 1] += weight * (output[plane + from] + 1f);
                        pixels[at + 2] += weight * (output[(2 * plane) + from] + 1f);
                    }
                }
            }
        }
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Math.Clamp(pixels[i], 0f, 1f);
        }
        return result;
    }

    private void TranslateTile(TextureWindow source, int x, int y, int width, int height, float[] input, float[] output)
    {
        source.ReadPlanar(x, y, width, height, input);
        Run(input, width, height, output);
    }

    /// <summary>One generator pass on planar input; writes planar output in [-1, 1] into <paramref name="output"/>.</summary>
    private void Run(float[] planar, int width, int height, float[] output)
    {
        using var scope = NewDisposeScope();
        var input = tensor(planar, [1, 3, height, width]).to(_device);
        // The accessor holds its own reference to the output's storage: dispose it, or every tile's output lives
        // until a finalizer runs (measured: peak RSS kept climbing through a 4096x4096 conversion).
        using var values = _generator.forward(input).cpu().contiguous().data<float>();
        values.CopyTo(output);
    }

    private static int RoundUp4(int value) => (value + 3) / 4 * 4;
}
