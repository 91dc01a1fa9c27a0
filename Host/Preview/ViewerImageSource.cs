using StyleForge.Engine.Textures;
using StyleForge.Engine.Textures.Dds;
using StyleForge.Plugins;
using StyleForge.Viewer;

namespace StyleForge.Host.Preview;

/// <summary>
/// Turns files and folders into what the viewer shows: 8-bit RGBA images, and before/after pairs
/// matched by relative path. Decoding stays in the host; the viewer never sees an image library.
/// </summary>
internal static class ViewerImageSource
{
    /// <summary>One path: every texture of a folder (or the single file). Two paths: pairs matched by relative path.</summary>
    public static IReadOnlyList<ViewerPair> Load(string before, string? after, int limit, long maxPixels, Action<string> warn)
    {
        var beforeFiles = List(before);
        if (beforeFiles.Count == 0)
        {
            throw new FileNotFoundException($"no textures found at {before}");
        }
        var pairs = new List<ViewerPair>();
        if (after is null)
        {
            foreach (var (relative, full) in beforeFiles.Take(limit))
            {
                if (TryRead(full, relative, maxPixels, warn) is { } image)
                {
                    pairs.Add(new ViewerPair(image, null));
                }
            }
            return pairs;
        }

        var afterFiles = List(after).ToDictionary(f => f.Relative, f => f.Full, StringComparer.Ordinal);
        var matched = beforeFiles.Where(f => afterFiles.ContainsKey(f.Relative)).ToList();
        if (matched.Count == 0 && beforeFiles.Count == 1 && afterFiles.Count == 1)
        {
            // Two single files compare with each other whatever their names.
            matched.Add(beforeFiles[0]);
            afterFiles[beforeFiles[0].Relative] = afterFiles.Values.Single();
        }
        if (matched.Count == 0)
        {
            throw new FileNotFoundException($"no file under {after} has the same relative path as one under {before}");
        }
        if (matched.Count < beforeFiles.Count)
        {
            warn($"{beforeFiles.Count - matched.Count} of {beforeFiles.Count} files under {before} have no counterpart under {after}");
        }
        foreach (var (relative, full) in matched.Take(limit))
        {
            var left = TryRead(full, relative, maxPixels, warn);
            var right = TryRead(afterFiles[relative], relative, maxPixels, warn);
            if (left is not null && right is not null)
            {
                pairs.Add(new ViewerPair(left, right));
            }
        }
        return pairs;
    }

    private static List<(string Relative, string Full)> List(string path)
    {
        if (File.Exists(path))
        {
            return new() { (Path.GetFileName(path), Path.GetFullPath(path)) };
        }
        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"no such file or folder: {path}");
        }
        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(TextureFormats.IsTexture)
            .Select(f => (Path.GetRelativePath(path, f).Replace('\\', '/'), Path.GetFullPath(f)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
    }

    private static ViewerImage? TryRead(string path, string name, long maxPixels, Action<string> warn)
    {
        try
        {
            // DDS keeps its own levels and format, so the viewer can show each mip and upload blocks as stored.
            return StartsAsDds(path)
                ? DdsViewerTexture.Read(path, name, File.ReadAllBytes(path), maxPixels)
                : ToViewerImage(name, TextureCodec.Decode(path, maxPixels));
        }
        catch (InvalidDataException ex) when (UnsupportedTextureFormat.Is(ex))
        {
            // The same words as convert's "not converted: unsupported format (...)", with the file named first.
            var detail = ex.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? ex.Message[(path.Length + 2)..] : ex.Message;
            warn($"{path}: not shown: unsupported format ({detail})");
            return null;
        }
        catch (InvalidDataException ex)
        {
            warn($"skipped: {ex.Message}");
            return null;
        }
    }

    private static bool StartsAsDds(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && DdsFile.IsDds(magic);
    }

    /// <summary>RGB or RGBA floats to 8-bit RGBA (opaque when there is no alpha).</summary>
    public static ViewerImage ToViewerImage(string name, TextureBuffer buffer)
    {
        var rgba = new byte[buffer.Width * buffer.Height * 4];
        var c = buffer.Channels;
        var data = buffer.Pixels;
        for (int i = 0, o = 0; i < data.Length; i += c, o += 4)
        {
            var gray = c <= 2;
            rgba[o] = ToByte(data[i]);
            rgba[o + 1] = ToByte(data[gray ? i : i + 1]);
            rgba[o + 2] = ToByte(data[gray ? i : i + 2]);
            rgba[o + 3] = buffer.HasAlpha ? ToByte(data[i + c - 1]) : (byte)255;
        }
        return new ViewerImage(name, buffer.Width, buffer.Height, rgba);
    }

    private static byte ToByte(float value) => (byte)Math.Clamp(MathF.Round(value * 255f), 0f, 255f);
}
