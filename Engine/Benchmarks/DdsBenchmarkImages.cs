using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace StyleForge.Engine.Benchmarks;

/// <summary>One benchmark image: where it came from and its pixels as opaque 8-bit RGBA.</summary>
public sealed record DdsBenchmarkImage(string Name, int Width, int Height, byte[] Rgba);

/// <summary>
/// Real game textures for <c>bench dds</c>: PNG and JPEG files under the given folders, and inside zip archives there
/// (trigger-rally ships its textures in data.zip), at least 64 pixels a side, in path order. Alpha is set opaque:
/// the benchmark measures colour (RGB PSNR), and a BC1 cut-out would change which pixels count.
/// </summary>
public static class DdsBenchmarkImages
{
    /// <summary>The default set: Debian's neverball-data and trigger-rally-data textures.</summary>
    public static readonly IReadOnlyList<string> DefaultSources = new[]
    {
        "/usr/share/games/neverball/textures",
        "/usr/share/games/trigger-rally/data.zip:textures/",
    };

    /// <summary>Loads up to <paramref name="perSource"/> images from each source ("folder" or "archive.zip:prefix").</summary>
    public static List<DdsBenchmarkImage> Load(IEnumerable<string> sources, int perSource)
    {
        var images = new List<DdsBenchmarkImage>();
        foreach (var source in sources)
        {
            var before = images.Count;
            var zipAt = source.IndexOf(".zip", StringComparison.OrdinalIgnoreCase);
            if (zipAt > 0)
            {
                var archivePath = source[..(zipAt + 4)];
                var prefix = source.Length > zipAt + 5 ? source[(zipAt + 5)..] : "";
                if (!File.Exists(archivePath))
                {
                    throw new FileNotFoundException($"benchmark textures not found: {archivePath} (apt-get install trigger-rally-data, or pass --textures)");
                }
                using var archive = ZipFile.OpenRead(archivePath);
                foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && IsImage(e.FullName))
                             .OrderBy(e => e.FullName, StringComparer.Ordinal))
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    if (TryAdd(images, $"{archivePath}:{entry.FullName}", copy.ToArray()) && images.Count - before >= perSource)
                    {
                        break;
                    }
                }
            }
            else
            {
                if (!Directory.Exists(source))
                {
                    throw new DirectoryNotFoundException($"benchmark textures not found: {source} (apt-get install neverball-data, or pass --textures)");
                }
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(IsImage).Order(StringComparer.Ordinal))
                {
                    if (TryAdd(images, file, File.ReadAllBytes(file)) && images.Count - before >= perSource)
                    {
                        break;
                    }
                }
            }
        }
        return images;
    }

    private static bool IsImage(string path) =>
        path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase);

    private static bool TryAdd(List<DdsBenchmarkImage> images, string name, byte[] content)
    {
        using var image = Image.Load<Rgba32>(content);
        if (image.Width < 64 || image.Height < 64)
        {
            return false;
        }
        var rgba = new byte[image.Width * image.Height * 4];
        image.CopyPixelDataTo(rgba);
        for (var i = 3; i < rgba.Length; i += 4)
        {
            rgba[i] = 255;
        }
        images.Add(new DdsBenchmarkImage(name, image.Width, image.Height, rgba));
        return true;
    }
}
