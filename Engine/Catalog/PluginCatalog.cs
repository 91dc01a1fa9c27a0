using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using McMaster.NETCore.Plugins;
using StyleForge.Plugins;

namespace StyleForge.Engine.Catalog;

/// <summary>
/// Finds and loads plugins. Each plugin gets its own load context in which only the contract
/// assembly (and the .NET runtime) is shared with the host, so a plugin's dependencies (TorchSharp,
/// libtorch, its own version of a library the host also uses) stay inside it.
/// </summary>
public sealed class PluginCatalog : IDisposable
{
    private const string ContractAssemblyName = "StyleForge.Plugins.Abstractions";

    private readonly List<PluginLoader> _loaders = new();
    private readonly List<LoadedPlugin> _plugins = new();
    private readonly List<PluginLoadFailure> _failures = new();
    private readonly List<string> _emptyRoots = new();
    private readonly List<PluginRoot> _missingRoots = new();

    private PluginCatalog()
    {
    }

    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    public IReadOnlyList<PluginLoadFailure> Failures => _failures;

    /// <summary>Roots that exist but hold nothing that looks like a plugin, with what they do hold, for a warning.</summary>
    public IReadOnlyList<string> EmptyRoots => _emptyRoots;

    /// <summary>Roots that do not exist.</summary>
    public IReadOnlyList<PluginRoot> MissingRoots => _missingRoots;

    /// <summary>Loads from folders given without an origin (tests, tools).</summary>
    public static PluginCatalog Load(IReadOnlyList<string> roots) =>
        Load(roots.Select(r => new PluginRoot(Path.GetFullPath(r), "given")).ToList());

    /// <summary>
    /// Looks in each root for plugin folders: the root itself, or each folder directly inside it.
    /// A plugin folder holds <c>&lt;Name&gt;/&lt;Name&gt;.dll</c> (the layout of the host's plugins/ and of
    /// the template's publish profile), or is a build or publish output holding <c>X.dll</c> next to
    /// <c>X.deps.json</c>.
    /// </summary>
    public static PluginCatalog Load(IReadOnlyList<PluginRoot> roots)
    {
        var catalog = new PluginCatalog();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (!Directory.Exists(root.Path))
            {
                catalog._missingRoots.Add(root);
                continue;
            }
            var found = FindPluginAssemblies(root.Path).ToList();
            if (found.Count == 0)
            {
                catalog._emptyRoots.Add(DescribeEmpty(root));
            }
            foreach (var assemblyPath in found.Where(seen.Add))
            {
                catalog.LoadOne(assemblyPath, root);
            }
        }
        return catalog;
    }

    public LoadedPlugin? Find(string name) =>
        _plugins.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Why <paramref name="name"/> is not in <see cref="Plugins"/>, for an error message: the refusal
    /// reason when a plugin of that name was found but refused, otherwise the installed names.
    /// </summary>
    public string WhyMissing(string name)
    {
        var failure = _failures.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (failure is not null)
        {
            return $"plugin '{failure.Name}' ({failure.AssemblyPath}) was refused, because {failure.Reason}";
        }
        var names = _plugins.Select(p => p.Name).ToList();
        return $"unknown plugin '{name}'{Options.NearestName.Hint(name, names)}; installed plugins: "
               + (names.Count == 0 ? "none" : string.Join(", ", names)) + "; run 'styleforge plugins' to see where they come from";
    }

    private static IEnumerable<string> FindPluginAssemblies(string root) =>
        PluginAssembliesIn(root).Concat(Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal).SelectMany(PluginAssembliesIn));

    private static IEnumerable<string> PluginAssembliesIn(string folder)
    {
        var named = Path.Combine(folder, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)) + ".dll");
        var candidates = Directory.EnumerateFiles(folder, "*.deps.json")
            .Select(deps => deps[..^".deps.json".Length] + ".dll")
            .Prepend(named)
            .Where(File.Exists)
            // A contract copied into the folder (a project reference built with -o) is not a plugin.
            .Where(dll => !string.Equals(Path.GetFileNameWithoutExtension(dll), ContractAssemblyName, StringComparison.Ordinal));
        return candidates.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal);
    }

    private static string DescribeEmpty(PluginRoot root)
    {
        var entries = Directory.EnumerateFileSystemEntries(root.Path).Select(e => Directory.Exists(e) ? Path.GetFileName(e) + "/" : Path.GetFileName(e))
            .Order(StringComparer.Ordinal).ToList();
        var holds = entries.Count == 0 ? "it is empty"
            : $"it holds {string.Join(", ", entries.Take(8))}{(entries.Count > 8 ? $" and {entries.Count - 8} more" : "")}";
        return $"{root.Path} ({root.Origin}): no plugin found; {holds}. A plugin folder is NAME/NAME.dll, or a build or publish output "
               + "with NAME.dll beside NAME.deps.json (dotnet publish -p:PublishProfile=StyleForge with the template writes plugins/NAME/)";
    }

    private void LoadOne(string assemblyPath, PluginRoot root)
    {
        var folderName = Path.GetFileNameWithoutExtension(assemblyPath);
        try
        {
            var builtAgainst = ReadContractVersion(assemblyPath);
            if (builtAgainst is null)
            {
                _failures.Add(new(folderName, assemblyPath, $"it does not reference {ContractAssemblyName}, so it is not a StyleForge plugin"));
                return;
            }
            var refusal = PluginVersionPolicy.Check(builtAgainst.Value, PluginVersionPolicy.HostVersion);
            if (refusal is not null)
            {
                _failures.Add(new(folderName, assemblyPath, refusal));
                return;
            }

            // Only the contract is shared (sharedTypes), plus the runtime, which the plugin's deps.json
            // does not carry. PreferSharedTypes stays off: with it, a plugin shipping its own YamlDotNet
            // would silently get the host's version instead.
            var loader = PluginLoader.CreateFromAssemblyFile(
                assemblyPath,
                sharedTypes: new[] { typeof(IStylizerPlugin) },
                configure: config => config.PreferSharedTypes = false);
            _loaders.Add(loader);
            var assembly = loader.LoadDefaultAssembly();
            var entryTypes = assembly.GetCustomAttributes<StyleForgePluginAttribute>().Select(a => a.PluginType).ToList();
            if (entryTypes.Count == 0)
            {
                _failures.Add(new(folderName, assemblyPath, $"it has no [assembly: {nameof(StyleForgePluginAttribute)}(typeof(...))] naming its entry type"));
                return;
            }
            foreach (var type in entryTypes)
            {
                AddInstance(folderName, assemblyPath, type, root);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _failures.Add(new(folderName, assemblyPath, $"it failed to load: {Describe(ex)}"));
        }
    }

    private void AddInstance(string folderName, string assemblyPath, Type type, PluginRoot root)
    {
        if (!typeof(IStylizerPlugin).IsAssignableFrom(type))
        {
            _failures.Add(new(folderName, assemblyPath, $"its entry type {type.FullName} does not implement {nameof(IStylizerPlugin)}"));
            return;
        }
        try
        {
            var instance = (IStylizerPlugin)Activator.CreateInstance(type)!;
            var descriptor = instance.Descriptor;
            var refusal = PluginVersionPolicy.Check(descriptor.ApiVersion, PluginVersionPolicy.HostVersion);
            if (refusal is not null)
            {
                _failures.Add(new(descriptor.Name, assemblyPath, refusal));
                return;
            }
            if (Find(descriptor.Name) is { } existing)
            {
                _failures.Add(new(descriptor.Name, assemblyPath, $"a plugin named '{descriptor.Name}' is already loaded from {existing.AssemblyPath}"));
                return;
            }
            _plugins.Add(new LoadedPlugin(instance, assemblyPath) { Origin = root.Origin });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _failures.Add(new(folderName, assemblyPath, $"its entry type {type.FullName} threw while starting: {Describe(ex)}"));
        }
    }

    /// <summary>The Plugins.Abstractions version the plugin was compiled against, read from metadata without running it.</summary>
    private static PluginApiVersion? ReadContractVersion(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            if (metadata.GetString(reference.Name) == ContractAssemblyName)
            {
                return new PluginApiVersion(reference.Version.Major, reference.Version.Minor);
            }
        }
        return null;
    }

    private static string Describe(Exception ex)
    {
        var inner = ex is TargetInvocationException { InnerException: { } cause } ? cause : ex;
        return $"{inner.GetType().Name}: {inner.Message}";
    }

    public void Dispose()
    {
        foreach (var plugin in _plugins)
        {
            (plugin.Instance as IDisposable)?.Dispose();
        }
        foreach (var loader in _loaders)
        {
            loader.Dispose();
        }
    }
}
