using System.Runtime.InteropServices;

namespace StyleForge.Viewer.Vulkan;

/// <summary>A native array of NUL-terminated UTF-8 strings, for layer and extension name lists.</summary>
internal sealed unsafe class Utf8StringArray : IDisposable
{
    private readonly nint[] _strings;

    public Utf8StringArray(IReadOnlyList<string> values)
    {
        _strings = values.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        Pointer = (byte**)NativeMemory.Alloc((nuint)Math.Max(1, _strings.Length), (nuint)sizeof(nint));
        for (var i = 0; i < _strings.Length; i++)
        {
            Pointer[i] = (byte*)_strings[i];
        }
    }

    public byte** Pointer { get; }

    public uint Count => (uint)_strings.Length;

    public void Dispose()
    {
        foreach (var s in _strings)
        {
            Marshal.FreeCoTaskMem(s);
        }
        NativeMemory.Free(Pointer);
    }
}
