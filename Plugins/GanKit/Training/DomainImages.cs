using StyleForge.Plugins.GanKit;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// One domain's textures, decoded once and kept as [3, H, W] tensors in [-1, 1] for the whole run,
/// outside every iteration's dispose scope. Each is scaled once so its shorter side is load_size
/// (keeping its aspect ratio, unlike the reference's square resize); batches are random crops of them.
/// </summary>
internal sealed class DomainImages : IDisposable
{
    private readonly List<Tensor> _images;

    private DomainImages(List<Tensor> images, List<double> scales)
    {
        _images = images;
        Scales = scales;
    }

    public int Count => _images.Count;

    /// <summary>The factor each texture was resized by (load_size over its shorter side), for <see cref="WorkingScale.Of"/>.</summary>
    public IReadOnlyList<double> Scales { get; }

    /// <summary>
    /// Decodes every texture of <paramref name="set"/> through the host. Textures the host cannot decode
    /// are skipped with a warning; a domain left empty is an error naming it.
    /// </summary>
    public static DomainImages Load(ITextureSet set, string domainName, int loadSize, Device device, IPluginLog log,
        CancellationToken cancellation)
    {
        var images = new List<Tensor>(set.Count);
        var scales = new List<double>(set.Count);
        for (var i = 0; i < set.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            TextureBuffer texture;
            try
            {
                texture = set.Load(i);
            }
            catch (InvalidDataException ex)
            {
                log.Warn($"domain {domainName}: skipping {set.GetRelativePath(i)}: {ex.Message}");
                continue;
            }
            var scale = loadSize / (double)Math.Min(texture.Width, texture.Height);
            images.Add(Prepare(texture, loadSize, scale, device));
            scales.Add(scale);
        }
        if (images.Count == 0)
        {
            throw new PluginException($"domain {domainName}: none of its {set.Count} textures could be decoded; check the folder's files.");
        }
        return new DomainImages(images, scales);
    }

    /// <summary>A [batch, 3, crop, crop] batch of random crops, each flipped horizontally half the time when asked.</summary>
    public Tensor SampleBatch(TrainingRandom random, int batchSize, int cropSize, bool flip)
    {
        var crops = new Tensor[batchSize];
        for (var b = 0; b < batchSize; b++)
        {
            var image = _images[random.NextInt(_images.Count)];
            var top = random.NextInt((int)image.shape[1] - cropSize + 1);
            var left = random.NextInt((int)image.shape[2] - cropSize + 1);
            var crop = image[.., top..(top + cropSize), left..(left + cropSize)];
            crops[b] = flip && random.NextBool() ? crop.flip(2) : crop;
        }
        return stack(crops);
    }

    public void Dispose() => _images.ForEach(t => t.Dispose());

    private static Tensor Prepare(TextureBuffer texture, int loadSize, double scale, Device device)
    {
        using var scope = NewDisposeScope();
        var image = TexturePixels.ToTensor(texture);
        var height = Math.Max(loadSize, (long)Math.Round(texture.Height * scale));
        var width = Math.Max(loadSize, (long)Math.Round(texture.Width * scale));
        // Bicubic with antialiasing matches the reference's PIL bicubic resize, which filters when shrinking.
        var resized = nn.functional.interpolate(image, [height, width], mode: InterpolationMode.Bicubic, align_corners: false, antialias: true);
        return resized[0].clamp(-1, 1).to(device).contiguous().DetachFromDisposeScope();
    }
}
