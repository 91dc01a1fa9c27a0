using StyleForge.Plugins.CycleGan.Training;
using StyleForge.Plugins.GanKit.Checkpoints;
using StyleForge.Plugins.GanKit.Training;
using static TorchSharp.torch;

namespace StyleForge.Plugins.CycleGan.Checkpoints;

/// <summary>
/// The contents of one CycleGAN checkpoint folder: the four networks (G_A.pt ...), the generators' moving averages
/// when ema_decay is set (G_A_ema.pt, G_B_ema.pt), both Adam states (optimizer_G.pt, optimizer_D.pt), both image
/// pools (pool_fake_A.pt, pool_fake_B.pt) and state.json.
/// </summary>
internal static class TrainingCheckpoint
{
    public static void Write(string folder, CycleGanNetworks networks, ImagePool fakeAPool, ImagePool fakeBPool, CheckpointState state) =>
        CheckpointFiles.Write(folder, networks.CheckpointNetworks, networks.Optimizers, state, into =>
        {
            fakeAPool.Save(Path.Combine(into, "pool_fake_A.pt"));
            fakeBPool.Save(Path.Combine(into, "pool_fake_B.pt"));
        });

    /// <summary>
    /// Reads state.json and checks that the checkpoint was trained with the same networks, data and
    /// schedule settings as <paramref name="settings"/>; a mismatch is a <see cref="PluginException"/> naming each option.
    /// </summary>
    public static CheckpointState ReadCompatibleState(string folder, TrainingSettings settings) =>
        CheckpointFiles.ReadCompatibleState(folder, CycleGanOptions.ResumeSensitive, settings.ResumeSensitive());

    /// <summary>Loads weights, optimiser states and pools from <paramref name="folder"/> into already-built objects.</summary>
    public static void Restore(string folder, CycleGanNetworks networks, ImagePool fakeAPool, ImagePool fakeBPool, Device device) =>
        CheckpointFiles.Restore(folder, networks.CheckpointNetworks, networks.Optimizers, file =>
        {
            fakeAPool.Load(file("pool_fake_A.pt"), device);
            fakeBPool.Load(file("pool_fake_B.pt"), device);
        });
}
