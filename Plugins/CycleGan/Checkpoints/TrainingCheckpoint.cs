using System.Text.Json;
using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit.Checkpoints;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.Plugins.CycleGan.Checkpoints;

/// <summary>
/// The contents of one checkpoint folder: the four networks (G_A.pt ...), both Adam states
/// (optimizer_G.pt, optimizer_D.pt), both image pools (pool_fake_A.pt, pool_fake_B.pt) and state.json.
/// Reading validates state.json against the current options before any weights are touched; writing refuses non-finite weights.
/// </summary>
internal static class TrainingCheckpoint
{
    private const string StateFile = "state.json";

    public static void Write(string folder, CycleGanNetworks networks, ImagePool fakeAPool, ImagePool fakeBPool, CheckpointState state)
    {
        // The guard keeps non-finite updates out of the weights; this is the last line, so a checkpoint is always resumable.
        if (NonFiniteValues.FirstInWeights(networks.Networks) is string bad)
        {
            throw new PluginException($"refusing to write checkpoint {folder} at iteration {state.Iteration}: weight {bad} is not finite; the previous checkpoint is kept.");
        }
        foreach (var (name, module) in networks.Networks)
        {
            using var stream = Create(folder, name + ".pt");
            ModuleStreams.Save(module, stream);
            stream.Flush(flushToDisk: true);
        }
        foreach (var (name, optimizer) in networks.Optimizers)
        {
            using var stream = Create(folder, name + ".pt");
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            optimizer.save_state_dict(writer);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        fakeAPool.Save(Path.Combine(folder, "pool_fake_A.pt"));
        fakeBPool.Save(Path.Combine(folder, "pool_fake_B.pt"));
        using (var stream = Create(folder, StateFile))
        {
            JsonSerializer.Serialize(stream, state, CheckpointJson.Options);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Reads state.json and checks that the checkpoint was trained with the same networks, data and
    /// schedule settings as <paramref name="settings"/>; a mismatch is a <see cref="PluginException"/> naming each option.
    /// </summary>
    public static CheckpointState ReadCompatibleState(string folder, TrainingSettings settings)
    {
        var path = Path.Combine(folder, StateFile);
        CheckpointState state;
        TrainingSettings saved;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path), CheckpointJson.Options)
                ?? throw new JsonException("empty document");
            if (state.Format != CheckpointState.CurrentFormat)
            {
                throw new PluginException($"{path}: checkpoint format {state.Format}, this plugin reads format {CheckpointState.CurrentFormat}; train into a new --out.");
            }
            saved = TrainingSettings.From(new OptionValues(state.Options));
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or FormatException or NotSupportedException)
        {
            throw new PluginException($"{path} is unreadable ({ex.Message}); delete that checkpoint folder to fall back, or train into a new --out.", ex);
        }
        var mismatches = saved.ResumeSensitive().Zip(settings.ResumeSensitive())
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

    /// <summary>Loads weights, optimiser states and pools from <paramref name="folder"/> into already-built objects.</summary>
    public static void Restore(string folder, CycleGanNetworks networks, ImagePool fakeAPool, ImagePool fakeBPool, Device device)
    {
        var current = "";
        try
        {
            foreach (var (name, module) in networks.Networks)
            {
                current = Path.Combine(folder, name + ".pt");
                using var stream = File.OpenRead(current);
                module.load(stream, strict: true);
            }
            foreach (var (name, optimizer) in networks.Optimizers)
            {
                current = Path.Combine(folder, name + ".pt");
                using var reader = new BinaryReader(File.OpenRead(current));
                optimizer.load_state_dict(reader);
            }
            current = Path.Combine(folder, "pool_fake_A.pt");
            fakeAPool.Load(current, device);
            current = Path.Combine(folder, "pool_fake_B.pt");
            fakeBPool.Load(current, device);
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
