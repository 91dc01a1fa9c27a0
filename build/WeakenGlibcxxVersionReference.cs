using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on one version reference in an ELF64 file's .gnu.version_r section, so the
/// dynamic loader tolerates a libstdc++ that lacks that version. The file is rewritten through a
/// temporary copy because build outputs are hard links into the NuGet cache.
/// </summary>
public sealed class WeakenGlibcxxVersionReference : Task
{
    private const ushort VerFlagWeak = 0x2;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        if (SystemLibStdCxxHas(VersionName))
        {
            Log.LogMessage(MessageImportance.Low, $"System libstdc++ provides {VersionName}; nothing to patch.");
            return true;
        }

        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var bytes = File.ReadAllBytes(path);
                var outcome = Weaken(bytes, VersionName);
                if (outcome == Outcome.Patched)
                {
                    var stamp = File.GetLastWriteTimeUtc(path);
                    var temp = path + ".weaken.tmp";
                    File.WriteAllBytes(temp, bytes);
                    // Delete first: the output is a hard link into the NuGet cache, which must stay untouched.
                    File.Delete(path);
                    File.Move(temp, path);
                    // Keep the timestamp so incremental copies still see the file as up to date.
                    File.SetLastWriteTimeUtc(path, stamp);
                    Log.LogMessage(MessageImportance.Normal, $"Marked {VersionName} weak in {path}");
                }
                else
                {
                    Log.LogMessage(MessageImportance.Low, $"{path}: {outcome}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Log.LogError($"Could not patch {path} for {VersionName}: {ex.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private enum Outcome { Patched, AlreadyWeak, NoReference }

    private static bool SystemLibStdCxxHas(string versionName)
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6",
            "/lib64/libstdc++.so.6",
        };
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                continue;
            }
            var needle = Encoding.ASCII.GetBytes(versionName + "\0");
            return Contains(File.ReadAllBytes(candidate), needle);
        }
        return false;
    }

    private static Outcome Weaken(byte[] elf, string versionName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }
        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("only little-endian ELF64 is supported");
        }

        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3a);
        int shnum = BitConverter.ToUInt16(elf, 0x3c);
        for (var i = 0; i < shnum; i++)
        {
            var sh = (int)(shoff + (long)i * shentsize);
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed)
            {
                continue;
            }
            var sectionOffset = (int)BitConverter.ToUInt64(elf, sh + 0x18);
            var link = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            var strtabHeader = (int)(shoff + (long)link * shentsize);
            var strtab = (int)BitConverter.ToUInt64(elf, strtabHeader + 0x18);

            var verneed = sectionOffset;
            while (true)
            {
                int count = BitConverter.ToUInt16(elf, verneed + 2);
                var aux = verneed + (int)BitConverter.ToUInt32(elf, verneed + 8);
                for (var k = 0; k < count; k++)
                {
                    var nameOffset = (int)BitConverter.ToUInt32(elf, aux + 8);
                    if (ReadCString(elf, strtab + nameOffset) == versionName)
                    {
                        var flags = BitConverter.ToUInt16(elf, aux + 4);
                        if ((flags & VerFlagWeak) != 0)
                        {
                            return Outcome.AlreadyWeak;
                        }
                        BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, aux + 4);
                        return Outcome.Patched;
                    }
                    var nextAux = BitConverter.ToUInt32(elf, aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }
                    aux += (int)nextAux;
                }
                var next = BitConverter.ToUInt32(elf, verneed + 12);
                if (next == 0)
                {
                    break;
                }
                verneed += (int)next;
            }
        }
        return Outcome.NoReference;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var match = true;
            for (var k = 0; k < needle.Length && match; k++)
            {
                match = haystack[i + k] == needle[k];
            }
            if (match)
            {
                return true;
            }
        }
        return false;
    }

    private static string ReadCString(byte[] bytes, int offset)
    {
        var end = offset;
        while (end < bytes.Length && bytes[end] != 0)
        {
            end++;
        }
        return Encoding.ASCII.GetString(bytes, offset, end - offset);
    }
}
