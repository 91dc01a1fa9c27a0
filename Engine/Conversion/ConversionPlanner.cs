using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;

namespace StyleForge.Engine.Conversion;

/// <summary>
/// Walks the input tree and decides, per texture, convert or skip and why: globs, shard, map type,
/// output path safety, and whether the manifest shows an up-to-date output.
/// </summary>
public static class ConversionPlanner
{
    /// <summary>The start of the reason given for a texture whose format cannot be converted; the format's name follows.</summary>
    public const string UnsupportedReason = "not converted: unsupported format";

    /// <summary>The map type recorded for a texture no rule matched: stylized, as every name was before the table.</summary>
    public const string NoRuleMatched = "colour map (no map-type rule matched)";

    /// <summary>The start of the reason given for a texture a data-map rule skipped; the rule follows.</summary>
    public const string NotColourReason = "not a colour map";

    public static ConversionPlan Plan(ConversionRequest request, string modelHash, string optionsHash, Action<string> warn)
    {
        var selection = request.Selection;
        var guard = new OutputPathGuard(request.OutputRoot);
        var names = new PortableOutputNames();
        var manifest = ConversionManifest.LoadMerged(guard.Root, warn);
        var textures = new List<PlannedTexture>();
        var notSelected = 0;
        var otherShards = 0;
        var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var relative in EnumerateTextures(request.InputRoot))
        {
            if (!selection.Selects(relative))
            {
                notSelected++;
                continue;
            }
            if (!request.Shard.Contains(relative))
            {
                otherShards++;
                continue;
            }
            var source = Path.Combine(request.InputRoot, relative);
            var rule = request.MapTypes.Match(relative);
            if (rule is { Kind: MapKind.Data })
            {
                textures.Add(new(relative, source, null, PlannedAction.Skip, $"{NotColourReason}: {rule.Describe()}") { Rule = rule });
                continue;
            }
            // After the map type: a data map is skipped whatever its format (Poly Haven ships normal maps as EXR), so only colour is listed as left behind.
            if (UnconvertibleFormats.NameOf(relative) is { } format)
            {
                textures.Add(new(relative, source, null, PlannedAction.Unsupported, $"{UnsupportedReason} ({format})"));
                continue;
            }
            if ((PortableOutputNames.Problem(relative) ?? names.Claim(relative)) is { } unportable)
            {
                textures.Add(new(relative, source, null, PlannedAction.Fail, unportable));
                continue;
            }
            string output;
            try
            {
                output = guard.Resolve(request.Output.OutputRelativePath(relative));
            }
            catch (UnauthorizedAccessException ex)
            {
                textures.Add(new(relative, source, null, PlannedAction.Fail, ex.Message));
                continue;
            }
            // A format change can map two sources to one output (wall.png and wall.tga to wall.dds): the first keeps it.
            if (!outputs.TryAdd(output, relative))
            {
                textures.Add(new(relative, source, null, PlannedAction.Fail, $"{output} is already the output of {outputs[output]}"));
                continue;
            }
            var (action, reason) = request.Force
                ? (PlannedAction.Convert, "forced (--force)")
                : Decide(manifest.Find(relative), source, output, modelHash, optionsHash);
            textures.Add(new(relative, source, output, action, reason) { Rule = rule });
        }
        return new ConversionPlan(textures, notSelected, otherShards, manifest, modelHash, optionsHash);
    }

    private static (PlannedAction, string) Decide(ManifestEntry? entry, string source, string output, string modelHash, string optionsHash)
    {
        if (entry is null)
        {
            return (PlannedAction.Convert, "new: not converted before");
        }
        if (!File.Exists(output))
        {
            return (PlannedAction.Convert, "output missing");
        }
        if (entry.ModelHash != modelHash)
        {
            return (PlannedAction.Convert, "model changed");
        }
        if (entry.OptionsHash != optionsHash)
        {
            return (PlannedAction.Convert, "options changed");
        }
        var info = new FileInfo(source);
        // Size and time match: trust them, as rsync and git do; otherwise the content hash decides (a checkout touches times, not bytes).
        var unchanged = (info.Length == entry.SourceSize && info.LastWriteTimeUtc == entry.SourceModifiedUtc)
            || ContentHash.OfFile(source) == entry.SourceHash;
        return unchanged ? (PlannedAction.Skip, "up to date") : (PlannedAction.Convert, "source changed");
    }

    /// <summary>
    /// Texture files under the input folder, convertible or not (<see cref="UnconvertibleFormats"/>), as
    /// sorted '/'-separated relative paths. Symbolic links are
    /// not followed (no loops, no files from elsewhere, never an output folder reached through a link);
    /// <see cref="SourceTreeGuard"/> has already refused an output folder inside the input folder.
    /// </summary>
    public static IEnumerable<string> EnumerateTextures(string inputRoot)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(inputRoot));
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = false,
            MatchType = MatchType.Simple,
        };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => (TextureFormats.IsTexture(f) || UnconvertibleFormats.NameOf(f) is not null) && !f.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
