using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using McMaster.NETCore.Plugins;
using StyleForge.Plugins;

namespace StyleForge.Host.Catalog;

/// <summary>
/// Finds and loads plugins. Each plugin gets its own load context in which only the contract
/// assembly is shared with the host, so a plugin's dependencies (TorchSharp, libtorch) stay inside it.
/// </summary>
internal sealed class PluginCatalog : IDisposable
{
    private const string ContractAssemblyName = "StyleForge.Plugins.Abstractions";

    private readonly List<PluginLoader> _loaders = new();
    private readonly List<LoadedPlugin> _plugins = new();
    private readonly List<PluginLoadFailure> _failures = new();

    private PluginCatalog()
    {
    }

    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    public IReadOnlyList<PluginLoadFailure> Failures => _failures;

    /// <summary>Scans each root for <c>&lt;Name&gt;/&lt;Name&gt;.dll</c>, also accepting a root that is itself a plugin folder.</summary>
    public static PluginCatalog Load(IReadOnlyList<string> roots)
    {
        var catalog = new PluginCatalog();
        foreach (var assemblyPath in roots.SelectMany(FindPluginAssemblies).Distinct(StringComparer.Ordinal))
        {
            catalog.LoadOne(assemblyPath);
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
        return $"unknown plugin '{name}'{Pipelines.NearestName.Hint(name, names)}; installed plugins: "
               + (names.Count == 0 ? "none" : string.Join(", ", names)) + "; run 'styleforge plugins' to see where they come from";
    }

    private static IEnumerable<string> FindPluginAssemblies(string root)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }
        var own = Path.Combine(root, Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) + ".dll");
        if (File.Exists(own))
        {
            yield return Path.GetFullPath(own);
        }
        foreach (var directory in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var candidate = Path.Combine(directory, Path.GetFileName(directory) + ".dll");
            if (File.Exists(candidate))
            {
                yield return Path.GetFullPath(candidate);
            }
        }
    }

    private void LoadOne(string assemblyPath)
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

            var loader = PluginLoader.CreateFromAssemblyFile(
                assemblyPath,
                sharedTypes: new[] { typeof(IStylizerPlugin) },
                configure: config => config.PreferSharedTypes = true);
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
                AddInstance(folderName, assemblyPath, type);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _failures.Add(new(folderName, assemblyPath, $"it failed to load: {Describe(ex)}"));
        }
    }

    private void AddInstance(string folderName, string assemblyPath, Type type)
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
            _plugins.Add(new LoadedPlugin(instance, assemblyPath));
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
