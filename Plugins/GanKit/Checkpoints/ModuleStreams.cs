using System.Text;
using static TorchSharp.torch;

namespace StyleForge.Plugins.GanKit.Checkpoints;

/// <summary>Saves weights into a stream the caller keeps open, so it can flush it to disk before a rename.</summary>
internal static class ModuleStreams
{
    /// <summary>Writes <paramref name="module"/>'s state dictionary to <paramref name="stream"/> and leaves the stream open.</summary>
    public static void Save(nn.Module module, Stream stream)
    {
        // Module.save(Stream) closes the stream, which would make flushing it to disk impossible.
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        module.save(writer);
        writer.Flush();
    }
}
