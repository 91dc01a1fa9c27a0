using System.Runtime.InteropServices;

namespace StyleForge.Plugins.GanKit.Runtime;

/// <summary>
/// Keeps glibc's heap from holding on to memory libtorch has freed. Tiled inference allocates and frees tens of
/// megabytes per layer of every tile from several threads; with glibc's defaults the freed blocks stay in per-thread
/// arenas and RSS crept up tile after tile (a 4096x4096 conversion passed 2 GiB). Blocks of 1 MiB and more are
/// instead mapped and unmapped directly, and the heap is trimmed after each texture.
/// </summary>
internal static class NativeHeap
{
    // mallopt parameter numbers from glibc's malloc.h.
    private const int MmapThreshold = -3;
    private const int MmapThresholdBytes = 1 << 20;

    private static int _configured;

    /// <summary>Sets the mmap threshold once per process; does nothing off glibc Linux.</summary>
    public static void MapLargeBlocks()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }
        try
        {
            _ = SetOption(MmapThreshold, MmapThresholdBytes);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl and other C libraries have no mallopt: their own heap behaviour applies.
        }
    }

    /// <summary>Returns free heap memory to the system (glibc's malloc_trim); does nothing off glibc Linux.</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            _ = TrimHeap(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: nothing to trim this way.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int SetOption(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int TrimHeap(nuint pad);
}
