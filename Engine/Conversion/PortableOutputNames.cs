namespace StyleForge.Engine.Conversion;

/// <summary>
/// Output names that work on every file system a studio copies textures to. Checked on every OS, because
/// a tree converted on Linux often ends up on Windows or macOS: there, names differing only in letter case
/// are one file, and some names cannot be created at all.
/// </summary>
public sealed class PortableOutputNames
{
    // Windows device names: reserved in every folder, with any extension ("nul.png" opens the null device).
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly char[] ForbiddenOnWindows = ['<', '>', ':', '"', '|', '?', '*'];

    private readonly Dictionary<string, string> _claimed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="relativePath"/> cannot be an output name on Windows, or null when it can.</summary>
    public static string? Problem(string relativePath)
    {
        foreach (var segment in relativePath.Replace('\\', '/').Split('/'))
        {
            var stem = segment.Split('.')[0].TrimEnd(' ');
            if (DeviceNames.Contains(stem))
            {
                return $"output name '{relativePath}' uses '{segment}', a reserved device name on Windows ({stem}); rename it";
            }
            if (segment.EndsWith('.') || segment.EndsWith(' '))
            {
                return $"output name '{relativePath}' has '{segment}', which ends in a dot or space that Windows drops; rename it";
            }
            if (segment.IndexOfAny(ForbiddenOnWindows) >= 0 || segment.Any(char.IsControl))
            {
                return $"output name '{relativePath}' has a character Windows does not allow in file names (< > : \" | ? * or a control character); rename it";
            }
        }
        return null;
    }

    /// <summary>
    /// Claims an output path for this job; returns why not when another one differs from it only in letter case
    /// (on Windows and macOS the second would overwrite the first).
    /// </summary>
    public string? Claim(string relativePath)
    {
        var key = relativePath.Replace('\\', '/');
        if (_claimed.TryGetValue(key, out var first) && first != key)
        {
            return $"output name '{relativePath}' differs from '{first}' only in letter case; on Windows and macOS one would overwrite the other. Rename one of them";
        }
        _claimed.TryAdd(key, key);
        return null;
    }
}
