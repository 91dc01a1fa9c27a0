using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using StyleForge.Plugins.GanKit.Model;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Import;

/// <summary>
/// Maps a generator state dict written by the CycleGAN authors' PyTorch code (networks.py, ResnetGenerator, saved as
/// latest_net_G.pth) onto <see cref="ResnetGenerator"/>: same keys (model.N.weight, model.N.conv_block.M.weight), same
/// shapes. The shape is read from the tensors: ngf from model.1.weight, the block count from the conv_block keys.
/// Supported: instance norm without affine parameters (the authors' published models), with or without dropout in the
/// blocks (dropout has no weights; its conv_block.6 is this generator's conv_block.5), and running statistics that
/// old PyTorch versions saved for instance norm, which the reference ignores too.
/// </summary>
internal static partial class ReferenceStateDict
{
    /// <summary>Reads <paramref name="path"/> (torch.save's zip format) into tensors by key; throws <see cref="PluginException"/> naming the file.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PluginException($"{path}: file not found.");
        }
        Hashtable table;
        try
        {
            using var stream = File.OpenRead(path);
            table = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        // What TorchSharp.PyBridge throws for a file it cannot read: NotImplementedException for pickle contents it has no
        // reader for (the legacy pre-1.6 format among them), the others for a damaged or foreign file. Nothing else is caught.
        catch (Exception ex) when (ex is NotImplementedException or InvalidDataException or InvalidCastException or IOException or Razorvine.Pickle.PickleException)
        {
            throw new PluginException(
                $"{path} is not a PyTorch state dict this reader understands ({ex.Message}). Files written before PyTorch 1.6 use the legacy format: " +
                "re-save it with python3 -c \"import torch; torch.save(torch.load('IN.pth', map_location='cpu'), 'OUT.pth')\" and import OUT.pth.", ex);
        }
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is string key && entry.Value is Tensor tensor)
            {
                tensors[key] = tensor;
            }
        }
        return tensors;
    }

    /// <summary>
    /// Builds the generator the tensors describe and loads them into it; throws <see cref="PluginException"/> naming the
    /// first key (in layer order) that does not fit.
    /// </summary>
    public static ResnetGenerator Load(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        if (tensors.Count == 0)
        {
            throw new PluginException($"{path} holds no tensors; pass the generator's state dict (latest_net_G.pth, or net_G_A.pth / net_G_B.pth).");
        }
        var ordered = tensors.Keys.Order(LayerOrder.Instance).ToList();
        if (!tensors.TryGetValue("model.1.weight", out var first) || first.shape is not [_, 3, 7, 7])
        {
            throw new PluginException($"{path}: the first key, {ordered[0]}, does not fit the reference ResnetGenerator, which starts with model.1.weight of shape [ngf, 3, 7, 7]" +
                (first is null ? "." : $", found [{string.Join(", ", first.shape)}]."));
        }
        if (!tensors.ContainsKey("model.1.bias") && tensors.ContainsKey("model.2.running_mean"))
        {
            throw new PluginException($"{path}: model.2.running_mean with no model.1.bias is batch norm (norm='batch'); StyleForge's generator uses instance norm, as the authors' CycleGAN models do.");
        }
        var ngf = (int)first.shape[0];
        var blocks = ordered.Select(k => BlockKey().Match(k)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().Count();
        var dropout = ordered.Any(k => k.EndsWith(".conv_block.6.weight", StringComparison.Ordinal));
        var generator = new ResnetGenerator(new GeneratorArchitecture(ngf, blocks));
        try
        {
            var expected = generator.state_dict();
            var mapped = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var key in ordered)
            {
                if (IgnoredStatistics().IsMatch(key))
                {
                    continue;
                }
                var target = dropout ? DropoutShift(key) : key;
                if (!expected.TryGetValue(target, out var slot))
                {
                    throw new PluginException($"{path}: key {key} does not fit a ResNet generator with ngf {ngf} and {blocks} blocks" +
                        (tensors[key].dim() == 1
                            ? " (a 1-D tensor where no convolution is: an affine instance-norm or batch-norm parameter; StyleForge's instance norm has no affine parameters)."
                            : "; is this a generator state dict of the reference CycleGAN (netG resnet_9blocks or resnet_6blocks)?"));
                }
                if (!slot.shape.SequenceEqual(tensors[key].shape))
                {
                    throw new PluginException($"{path}: key {key} has shape [{string.Join(", ", tensors[key].shape)}], but a ResNet generator with ngf {ngf} needs [{string.Join(", ", slot.shape)}] there.");
                }
                mapped[target] = tensors[key];
            }
            if (expected.Keys.Order(LayerOrder.Instance).FirstOrDefault(k => !mapped.ContainsKey(k)) is string missing)
            {
                throw new PluginException($"{path}: key {missing} is missing; a ResNet generator with ngf {ngf} and {blocks} blocks needs it.");
            }
            using (no_grad())
            {
                foreach (var (key, slot) in expected)
                {
                    slot.copy_(mapped[key].to(slot.dtype));
                }
            }
            generator.eval();
            return generator;
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }

    /// <summary>With use_dropout the block is pad, conv, norm, relu, dropout, pad, conv, norm: its second conv is conv_block.6.</summary>
    private static string DropoutShift(string key)
    {
        var match = DropoutLayer().Match(key);
        return match.Success ? $"{match.Groups[1].Value}{int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) - 1}{match.Groups[3].Value}" : key;
    }

    [GeneratedRegex(@"^model\.(\d+)\.conv_block\.1\.weight$")]
    private static partial Regex BlockKey();

    [GeneratedRegex(@"^(model\.\d+\.conv_block\.)([67])(\..+)$")]
    private static partial Regex DropoutLayer();

    // Instance norm layers of PyTorch before 0.4 saved these; the reference deletes them on load (patch_instance_norm_state_dict).
    [GeneratedRegex(@"\.(running_mean|running_var|num_batches_tracked)$")]
    private static partial Regex IgnoredStatistics();

    /// <summary>Orders keys as PyTorch lists them: layers as they run (model.2 before model.10), a layer's weight before its bias.</summary>
    private sealed class LayerOrder : IComparer<string>
    {
        public static readonly LayerOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n)
                    : Rank(a[i]) != Rank(b[i]) ? Rank(a[i]).CompareTo(Rank(b[i])) : string.CompareOrdinal(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }
            return a.Length.CompareTo(b.Length);
        }

        private static int Rank(string part) => part switch
        {
            "weight" => 0,
            "bias" => 1,
            _ => 2,
        };
    }
}
