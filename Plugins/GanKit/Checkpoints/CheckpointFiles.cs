using System.Text.Json;
using StyleForge.Plugins.GanKit.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Checkpoints;

/// <summary>
/// The files of one checkpoint folder: each network as NAME.pt, each Adam state as NAME.pt, whatever else a method
/// keeps (CycleGAN's image pools), and state.json last. Reading validates state.json against the current options
/// before any weights are touched; writing refuses non-finite weights, so every checkpoint can be resumed.
/// </summary>
internal static class CheckpointFiles
{
    public const string StateFile = "state.json";

    /// <summary>Writes <paramref name="networks"/>, <paramref name="optimizers"/>, then <paramref name="writeExtra"/>'s files, then state.json.</summary>
    public static void Write(string folder, IEnumerable<(string Name, nn.Module Module)> networks, IEnumerable<(string Name, Adam Optimizer)> optimizers,
        CheckpointState state, Action<string>? writeExtra = null)
    {
        // The guard keeps non-finite updates out of the weights; this is the last line, so a checkpoint is always resumable.
        if (NonFiniteValues.FirstInWeights(networks) is string bad)
        {
            throw new PluginException($"refusing to write checkpoint {folder} at iteration {state.Iteration}: weight {bad} is not finite; the previous checkpoint is kept.");
        }
        foreach (var (name, module) in networks)
        {
            using var stream = Create(folder, name + ".pt");
            ModuleStreams.Save(module, stream);
            stream.Flush(flushToDisk: true);
        }
        foreach (var (name, optimizer) in optimizers)
        {
            using var stream = Create(folder, name + ".pt");
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            optimizer.save_state_dict(writer);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        writeExtra?.Invoke(folder);
        using (var stream = Create(folder, StateFile))
        {
            JsonSerializer.Serialize(stream, state, CheckpointJson.Options);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Reads state.json and checks that the checkpoint was trained with the same networks, data and schedule settings:
    /// <paramref name="resumeSensitive"/> turns the saved options into (option, value) pairs that must equal
    /// <paramref name="current"/>'s; a mismatch is a <see cref="PluginException"/> naming each option.
    /// </summary>
    public static CheckpointState ReadCompatibleState(string folder, Func<OptionValues, IReadOnlyList<(string Option, string Value)>> resumeSensitive,
        IReadOnlyList<(string Option, string Value)> current)
    {
        var path = Path.Combine(folder, StateFile);
        CheckpointState state;
        IReadOnlyList<(string Option, string Value)> saved;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path), CheckpointJson.Options)
                ?? throw new JsonException("empty document");
            if (state.Format != CheckpointState.CurrentFormat)
            {
                throw new PluginException($"{path}: checkpoint format {state.Format}, this plugin reads format {CheckpointState.CurrentFormat}; train into a new --out.");
            }
            saved = resumeSensitive(new OptionValues(state.Options));
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or FormatException or NotSupportedException)
        {
            throw new PluginException($"{path} is unreadable ({ex.Message}); delete that checkpoint folder to fall back, or train into a new --out.", ex);
        }
        var mismatches = saved.Zip(current)
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"checkpoint has {pair.First.Option}={pair.First.Value}, config asks {pair.Second.Option}={pair.Second.Value}")
            .ToList();
        if (mismatches.Count > 0)
        {
            throw new PluginException(
                $"cannot resume from {folder}: {string.Join("; ", mismatches)}. Resume with the checkpoint's options, or train into a new --out.");
        }
        return state;
    }

    /// <summary>
    /// Loads weights and optimiser states from <paramref name="folder"/> into already-built objects, then lets
    /// <paramref name="restoreExtra"/> read its files (it reports the file it is reading through its argument).
    /// </summary>
    public static void Restore(string folder, IEnumerable<(string Name, nn.Module Module)> networks, IEnumerable<(string Name, Adam Optimizer)> optimizers,
        Action<Func<string, string>>? restoreExtra = null)
    {
        var current = "";
        try
        {
            foreach (var (name, module) in networks)
            {
                current = Path.Combine(folder, name + ".pt");
                using var stream = File.OpenRead(current);
                module.load(stream, strict: true);
            }
            foreach (var (name, optimizer) in optimizers)
            {
                current = Path.Combine(folder, name + ".pt");
                using var reader = new BinaryReader(File.OpenRead(current));
                optimizer.load_state_dict(reader);
            }
            restoreExtra?.Invoke(name => current = Path.Combine(folder, name));
        }
        catch (Exception ex) when (ex is not PluginException)
        {
            // TorchSharp reports truncated or mismatched files from deep inside its loaders; name the file instead.
            throw new PluginException($"{current} is damaged or does not match the networks ({ex.Message}); delete that checkpoint folder to fall back, or train into a new --out.", ex);
        }
    }

    private static FileStream Create(string folder, string name) =>
        new(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write);
}
