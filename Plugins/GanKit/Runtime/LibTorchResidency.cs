using System.Runtime.InteropServices;

namespace StyleForge.Plugins.GanKit.Runtime;

/// <summary>
/// Refuses to load a second copy of libtorch into a process. libtorch registers its operators in one process-wide
/// dispatcher; a second copy from another file registers them again and aborts the whole process (an uncatchable
/// "Tried to register multiple backend fallbacks" from c10, measured with two plugin folders holding copies of the
/// same TorchSharp-cpu 0.107 build). Two plugins that ship libtorch can share a process only when the dynamic loader
/// sees one file: on Linux, links to the same inode (the in-tree build hard-links every plugin's libtorch to the
/// NuGet cache). Checked before the plugin's first torch call, so the user gets an error naming both copies instead.
/// </summary>
internal static class LibTorchResidency
{
    // The libraries holding the dispatcher's registrations; the CUDA builds add the CUDA one.
    private static readonly string[] Libraries = OperatingSystem.IsWindows()
        ? ["torch_cpu.dll", "torch_cuda.dll"]
        : ["libtorch_cpu.so", "libtorch_cuda.so"];

    /// <summary>Checks the libtorch beside this plugin's TorchSharp against any libtorch already loaded in the process.</summary>
    public static void EnsureSingleCopy() =>
        EnsureSingleCopy(Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!);

    /// <summary>Checks the libtorch files in <paramref name="folder"/>; throws <see cref="PluginException"/> when another copy is loaded.</summary>
    public static void EnsureSingleCopy(string folder)
    {
        foreach (var name in Libraries)
        {
            var ours = Path.Combine(folder, name);
            if (!File.Exists(ours) || LoadedPath(name) is not string loaded || SameFile(loaded, ours))
            {
                continue;
            }
            throw new PluginException(
                $"libtorch is already loaded in this process from {loaded} (by another plugin), and this plugin would load its own copy " +
                $"{ours}; a second copy of libtorch aborts the process. Run this step in its own styleforge process (a separate pipeline " +
                "or command), or install the plugins so that they share one libtorch file (hard links to one copy, as the in-tree build does).");
        }
    }

    /// <summary>The file a library of this name is loaded from in this process, or null when none is.</summary>
    private static string? LoadedPath(string name)
    {
        if (OperatingSystem.IsWindows())
        {
            var module = GetModuleHandleW(name);
            if (module == IntPtr.Zero)
            {
                return null;
            }
            var buffer = new char[32768];
            var length = GetModuleFileNameW(module, buffer, buffer.Length);
            return length > 0 ? new string(buffer, 0, (int)length) : null;
        }
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        // Each mapping line ends with the mapped file's path; the library is mapped several times (text, data).
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && line.EndsWith("/" + name, StringComparison.Ordinal))
            {
                return line[slash..];
            }
        }
        return null;
    }

    /// <summary>
    /// Whether the loader treats both paths as one library: on Linux the same device and inode (a hard link is the same
    /// file); on Windows the same full path, since Windows tells loaded modules apart by path.
    /// </summary>
    private static bool SameFile(string first, string second)
    {
        if (OperatingSystem.IsWindows())
        {
            return string.Equals(Path.GetFullPath(first), Path.GetFullPath(second), StringComparison.OrdinalIgnoreCase);
        }
        return FileId(first) is { } a && FileId(second) is { } b && a == b;
    }

    /// <summary>(st_dev, st_ino) of a file: the first two 8-byte fields of struct stat on 64-bit Linux (x86-64 and arm64).</summary>
    private static (ulong Device, ulong Inode)? FileId(string path)
    {
        var buffer = new byte[256];
        return Stat(path, buffer) == 0 ? (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8)) : null;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern IntPtr GetModuleHandleW(string name);

    [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern uint GetModuleFileNameW(IntPtr module, [Out] char[] buffer, int size);
}
