namespace StyleForge.Engine.Conversion;

/// <summary>
/// Keeps a conversion from writing among its sources. The input and output folders are compared where
/// they really are, every symbolic link followed and, where the platform has them, by device and inode,
/// so an output that is the input, sits inside it or contains it is refused however the paths were
/// typed. Comparing the typed paths let a link to the input overwrite every source texture.
/// </summary>
public static class SourceTreeGuard
{
    /// <summary>Throws <see cref="ConversionSetupException"/> when the trees overlap; the message names both folders as typed and as resolved.</summary>
    public static void Check(string inputRoot, string outputRoot)
    {
        var input = RealPath.Resolve(inputRoot);
        var output = RealPath.Resolve(outputRoot);
        var inputIdentity = FileIdentity.Of(input);
        var outputIdentity = FileIdentity.Of(output);
        var where = $"--input {Describe(inputRoot, input)}, --output {Describe(outputRoot, output)}";
        if (string.Equals(input, output, RealPath.Comparison) || (inputIdentity is not null && inputIdentity == outputIdentity))
        {
            throw new ConversionSetupException(
                $"the output folder is the input folder ({where}); converting would overwrite the source textures, choose an --output outside the input");
        }
        if (RealPath.IsSameOrInside(output, input) || IsBelow(output, inputIdentity))
        {
            throw new ConversionSetupException(
                $"the output folder is inside the input folder ({where}); results would be mixed with the sources and converted again as sources by the next run, choose an --output outside the input");
        }
        if (RealPath.IsSameOrInside(input, output) || IsBelow(input, outputIdentity))
        {
            throw new ConversionSetupException(
                $"the output folder contains the input folder ({where}); results would be written over the sources' tree, choose an --output outside the input");
        }
    }

    private static string Describe(string typed, string real)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(typed));
        return string.Equals(full, real, RealPath.Comparison) ? full : $"{full}, really {real}";
    }

    /// <summary>Whether any existing folder on <paramref name="path"/>'s way up is the folder with identity <paramref name="ancestor"/>.</summary>
    private static bool IsBelow(string path, FileIdentity? ancestor)
    {
        if (ancestor is null)
        {
            return false;
        }
        for (var folder = Path.GetDirectoryName(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (FileIdentity.Of(folder) == ancestor)
            {
                return true;
            }
        }
        return false;
    }
}
