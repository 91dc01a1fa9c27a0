using StyleForge.Plugins.GanKit.Inference;

namespace StyleForge.Plugins.Onnx;

/// <summary>
/// Applies an <see cref="OnnxImageModel"/> to textures: the whole image in one run when it fits one tile, otherwise
/// overlapping tiles blended with ramps. Each tile is normalised by its own instance-norm statistics (an ONNX graph
/// computes them inside InstanceNormalization), so tiles can differ slightly in tone; the ramps hide the steps, and
/// docs/inference.md has the measured error against the whole image. Seamless textures are read as a torus: exactly
/// with a model exported --seamless, otherwise through a wrapped margin of <see cref="ContextMargin"/> pixels.
/// </summary>
internal sealed class OnnxStylizer : IStylizer
{
    /// <summary>The CycleGan plugin's default tile and overlap, so both plugins split a texture alike by default.</summary>
    public const int DefaultTile = 512;
    public const int DefaultOverlap = 64;

    /// <summary>
    /// Context added around a texture whose edges the model's own padding does not treat as asked (a seamless conversion
    /// with a mirroring model, or the reverse): as wide as the default overlap, which hides tile borders as well.
    /// </summary>
    public const int ContextMargin = 64;

    private readonly OnnxImageModel _model;
    private readonly bool _guided;

    /// <summary>Runs <paramref name="model"/>; below its working scale 1, <paramref name="guided"/> brings results back guided by the texture.</summary>
    public OnnxStylizer(OnnxImageModel model, bool guided = true)
    {
        _model = model;
        _guided = guided;
    }

    public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
    {
        if (rgb.Channels != 3)
        {
            throw new ArgumentException($"onnx stylizes RGB textures (3 channels), got {rgb.Channels}; the host converts gray and alpha.", nameof(rgb));
        }
        // A model that learned textures shrunk by its working scale runs at that scale, as the training plugins convert.
        return TextureResample.AtScale(rgb, _model.WorkingScale, settings.Seamless, _guided, texture => StylizeAtModelScale(texture, settings, cancellation));
    }

    private TextureBuffer StylizeAtModelScale(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
    {
        var multiple = _model.SizeMultiple;
        var tile = Math.Max(multiple, (settings.TileSize == 0 ? DefaultTile : settings.TileSize) / multiple * multiple);
        var overlap = Math.Min((settings.TileOverlap == 0 ? DefaultOverlap : settings.TileOverlap) / multiple * multiple, tile / 2 / multiple * multiple);
        // The model's own padding is exact at the texture's edges when it is what was asked for; otherwise the texture
        // is extended by a margin (wrapped for seamless, mirrored otherwise) that the model sees and the result drops.
        var exact = settings.Seamless ? _model.Padding == "circular" : _model.Padding != "circular";
        var torus = settings.Seamless && exact;
        var margin = exact ? 0 : ContextMargin;
        var columns = torus ? TileSpans.Circular(rgb.Width, tile, overlap, multiple) : TileSpans.Linear(RoundUp(rgb.Width + 2 * margin, multiple), tile, overlap, multiple);
        var rows = torus ? TileSpans.Circular(rgb.Height, tile, overlap, multiple) : TileSpans.Linear(RoundUp(rgb.Height + 2 * margin, multiple), tile, overlap, multiple);

        var sums = new float[rgb.Width * rgb.Height * 3];
        var weights = new float[rgb.Width * rgb.Height];
        var input = new float[3 * columns.Length * rows.Length];
        for (var r = 0; r < rows.Starts.Count; r++)
        {
            for (var c = 0; c < columns.Starts.Count; c++)
            {
                cancellation.ThrowIfCancellationRequested();
                Read(rgb, columns.Starts[c] - margin, rows.Starts[r] - margin, columns.Length, rows.Length, settings.Seamless, input);
                var output = _model.Run(input, columns.Length, rows.Length);
                Accumulate(rgb, output, columns, c, rows, r, margin, torus, sums, weights);
            }
        }
        var result = new TextureBuffer(rgb.Width, rgb.Height, 3);
        for (var i = 0; i < weights.Length; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                var value = sums[(i * 3) + k] / weights[i];
                result.Pixels[(i * 3) + k] = Math.Clamp(_model.ZeroToOne ? value : (value + 1f) * 0.5f, 0f, 1f);
            }
        }
        return result;
    }

    /// <summary>Planar RGB of a window in the model's range; past the right and bottom edge it mirrors (or wraps, for a torus).</summary>
    private void Read(TextureBuffer rgb, int x0, int y0, int width, int height, bool wrap, float[] planar)
    {
        var plane = width * height;
        var scale = _model.ZeroToOne ? 1f : 2f;
        var offset = _model.ZeroToOne ? 0f : -1f;
        for (var ty = 0; ty < height; ty++)
        {
            var y = Source(y0 + ty, rgb.Height, wrap);
            for (var tx = 0; tx < width; tx++)
            {
                var x = Source(x0 + tx, rgb.Width, wrap);
                var from = ((y * rgb.Width) + x) * 3;
                var to = (ty * width) + tx;
                planar[to] = (rgb.Pixels[from] * scale) + offset;
                planar[plane + to] = (rgb.Pixels[from + 1] * scale) + offset;
                planar[(2 * plane) + to] = (rgb.Pixels[from + 2] * scale) + offset;
            }
        }
    }

    private static void Accumulate(TextureBuffer rgb, float[] output, TileSpans columns, int c, TileSpans rows, int r, int margin, bool wrap,
        float[] sums, float[] weights)
    {
        var width = columns.Length;
        var plane = width * rows.Length;
        for (var ty = 0; ty < rows.Length; ty++)
        {
            var y = rows.Starts[r] + ty - margin;
            if (wrap)
            {
                y %= rgb.Height;
            }
            else if (y < 0 || y >= rgb.Height)
            {
                continue;
            }
            var rowWeight = rows.Weight(r, ty);
            for (var tx = 0; tx < width; tx++)
            {
                var x = columns.Starts[c] + tx - margin;
                if (wrap)
                {
                    x %= rgb.Width;
                }
                else if (x < 0 || x >= rgb.Width)
                {
                    continue;
                }
                var weight = rowWeight * columns.Weight(c, tx);
                var at = (y * rgb.Width) + x;
                var from = (ty * width) + tx;
                sums[at * 3] += weight * output[from];
                sums[(at * 3) + 1] += weight * output[plane + from];
                sums[(at * 3) + 2] += weight * output[(2 * plane) + from];
                weights[at] += weight;
            }
        }
    }

    /// <summary>The source index for a position: wrapped around a torus, or mirrored at the edges as the reference pads.</summary>
    private static int Source(int position, int size, bool wrap)
    {
        if (wrap)
        {
            return ((position % size) + size) % size;
        }
        var mirrored = position < 0 ? -position : position >= size ? (2 * size) - 2 - position : position;
        return Math.Clamp(mirrored, 0, size - 1);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    public void Dispose() => _model.Dispose();
}
