using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// A file or folder as the file system knows it: device and inode number from stat(2). Two paths with
/// the same identity are the same folder however they are reached, through links, bind mounts or a
/// case-insensitive name, which comparing path strings cannot promise.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode)
{
    /// <summary>Large enough for struct stat on every Unix .NET runs on (144 bytes on Linux x86-64).</summary>
    private const int StatBufferSize = 256;

    /// <summary>The identity of an existing path (links followed), or null where the platform has no stat or the path does not exist.</summary>
    public static FileIdentity? Of(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }
        var buffer = new byte[StatBufferSize];
        if (Stat(path, buffer) != 0)
        {
            return null;
        }
        // Linux (x86-64 and arm64) starts struct stat with a 64-bit st_dev; macOS with a 32-bit one. st_ino is at offset 8 on all of them.
        var device = OperatingSystem.IsMacOS() ? BinaryPrimitives.ReadUInt32LittleEndian(buffer) : BinaryPrimitives.ReadUInt64LittleEndian(buffer);
        return new FileIdentity(device, BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8)));
    }

    // DllImport rather than LibraryImport: the source generator needs unsafe code in the host, and a pinned byte[] needs none.
    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
}
