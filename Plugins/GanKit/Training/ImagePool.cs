using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Training;

/// <summary>
/// The reference's history of generated images (Shrivastava et al. 2017), which the discriminators
/// train on so they do not chase the generator's latest output. Stored images are detached copies
/// owned by the pool, outside every iteration's dispose scope; the pool disposes them.
/// </summary>
internal sealed class ImagePool : IDisposable
{
    private readonly int _capacity;
    private readonly List<Tensor> _images = [];

    public ImagePool(int capacity) => _capacity = capacity;

    /// <summary>Images stored so far.</summary>
    public int Count => _images.Count;

    /// <summary>
    /// For each image of <paramref name="fakes"/> ([N, C, H, W]): while the pool fills, store it and use it;
    /// once full, half the time use a random stored image and store the new one in its place. Returns a
    /// detached batch in the caller's dispose scope.
    /// </summary>
    public Tensor Query(Tensor fakes, TrainingRandom random)
    {
        using var _ = no_grad();
        if (_capacity == 0)
        {
            return fakes.detach();
        }
        var chosen = new Tensor[fakes.shape[0]];
        var evicted = new List<Tensor>();
        for (var i = 0; i < chosen.Length; i++)
        {
            var image = fakes[i];
            if (_images.Count < _capacity)
            {
                _images.Add(image.detach().clone().DetachFromDisposeScope());
                chosen[i] = image;
            }
            else if (random.NextDouble() > 0.5)
            {
                var slot = random.NextInt(_capacity);
                chosen[i] = _images[slot];
                evicted.Add(_images[slot]);
                _images[slot] = image.detach().clone().DetachFromDisposeScope();
            }
            else
            {
                chosen[i] = image;
            }
        }
        var batch = stack(chosen).detach();
        evicted.ForEach(t => t.Dispose());
        return batch;
    }

    /// <summary>Writes the stored images, so a resumed run continues with the same history.</summary>
    public void Save(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(_images.Count);
        foreach (var image in _images)
        {
            image.Save(writer);
        }
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Replaces the stored images with those saved at <paramref name="path"/>, on <paramref name="device"/>.</summary>
    public void Load(string path, Device device)
    {
        Clear();
        using var reader = new BinaryReader(File.OpenRead(path));
        var count = reader.ReadInt32();
        if (count < 0 || count > _capacity)
        {
            throw new InvalidDataException($"{path}: holds {count} images, but pool_size is {_capacity}");
        }
        for (var i = 0; i < count; i++)
        {
            var loaded = Tensor.Load(reader);
            var placed = loaded.to(device);
            if (!ReferenceEquals(placed, loaded))
            {
                loaded.Dispose();
            }
            _images.Add(placed.DetachFromDisposeScope());
        }
    }

    public void Dispose() => Clear();

    private void Clear()
    {
        _images.ForEach(t => t.Dispose());
        _images.Clear();
    }
}
