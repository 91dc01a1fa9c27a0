using System.Globalization;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Options;
using StyleForge.Plugins;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StyleForge.Host.Pipelines;

/// <summary>
/// Reads a pipeline YAML file, applies --set overrides and validates all of it before anything
/// runs. Every problem is collected with its file:line:column, so one run shows them all.
/// </summary>
internal sealed class PipelineLoader
{
    private static readonly string[] TopLevelKeys = { "name", "description", "run_dir", "device", "seed", "steps" };
    private static readonly string[] Devices = { "auto", "cpu", "cuda" };

    private readonly IReadOnlyList<IPipelineStep> _stepKinds;
    private readonly PluginCatalog _catalog;
    private readonly List<InputError> _errors = new();
    private readonly Dictionary<YamlNode, string> _overrideOrigins = new(ReferenceEqualityComparer.Instance);
    private string _file = "";

    public PipelineLoader(IReadOnlyList<IPipelineStep> stepKinds, PluginCatalog catalog)
    {
        _stepKinds = stepKinds;
        _catalog = catalog;
    }

    /// <summary>Loads and validates; throws <see cref="PipelineValidationException"/> listing every error.</summary>
    public PipelineDocument Load(string path, IReadOnlyList<string> overrides)
    {
        _errors.Clear();
        _file = path;
        if (!File.Exists(path))
        {
            throw new PipelineValidationException(new[] { new InputError(new(path, 0, 0), "the pipeline file does not exist") });
        }

        var root = Parse(path);
        if (root is null)
        {
            throw new PipelineValidationException(_errors.ToList());
        }
        foreach (var setting in overrides)
        {
            ApplyOverride(root, setting);
        }
        var document = Validate(root, path);
        if (_errors.Count > 0 || document is null)
        {
            throw new PipelineValidationException(_errors.OrderBy(e => e.Where.Line).ThenBy(e => e.Where.Column).ToList());
        }
        return document;
    }

    private YamlMappingNode? Parse(string path)
    {
        try
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                stream.Load(reader);
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                var node = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
                _errors.Add(new(node is null ? new(path, 1, 1) : At(node), "a pipeline is a mapping with at least 'name' and 'steps'"));
                return null;
            }
            return mapping;
        }
        catch (YamlException ex)
        {
            var description = Describe(ex);
            // The usual cause on Windows: a path such as "C:\data" in double quotes, where YAML reads \d as an escape.
            var advice = description.Contains("unknown escape character", StringComparison.Ordinal)
                ? "inside double quotes a backslash starts an escape: write Windows paths in single quotes ('C:\\data'), unquoted, or with forward slashes (C:/data)"
                : "check indentation and quoting near here";
            _errors.Add(new(new(path, ex.Start.Line, ex.Start.Column), $"YAML syntax error: {description}; {advice}"));
            return null;
        }
    }

    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        // YamlDotNet prefixes "(Line: x, Col: y, Idx: z) - (Line: ...): "; the location is already given.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private SourceLocation At(YamlNode node) =>
        _overrideOrigins.TryGetValue(node, out var origin)
            ? SourceLocation.CommandLine(origin)
            : new SourceLocation(_file, node.Start.Line, node.Start.Column);

    private void ApplyOverride(YamlMappingNode root, string setting)
    {
        var origin = $"--set {setting}";
        var equals = setting.IndexOf('=');
        var dot = setting.IndexOf('.');
        if (equals <= 0)
        {
            _errors.Add(new(SourceLocation.CommandLine(origin), "expected STEP.KEY=VALUE or KEY=VALUE, for example train.iterations=50"));
            return;
        }
        var path = setting[..equals].Trim();
        var value = new YamlScalarNode(setting[(equals + 1)..].Trim());
        _overrideOrigins[value] = origin;
        if (dot < 0 || dot > equals)
        {
            root.Children[new YamlScalarNode(path)] = value;
            return;
        }
        var stepName = path[..dot];
        var key = path[(dot + 1)..];
        var step = FindStepNode(root, stepName);
        if (step is null)
        {
            _errors.Add(new(SourceLocation.CommandLine(origin), $"the pipeline has no step with id or kind '{stepName}'"));
            return;
        }
        var kind = _stepKinds.FirstOrDefault(k => k.Kind == ScalarOf(step, "kind"));
        if (key.StartsWith("options.", StringComparison.Ordinal))
        {
            key = key["options.".Length..];
        }
        else if (kind is not null && (kind.Keys.Any(k => k.Name == key) || key is "plugin" or "id"))
        {
            step.Children[new YamlScalarNode(key)] = value;
            return;
        }
        if (!step.Children.TryGetValue(new YamlScalarNode("options"), out var optionsNode) || optionsNode is not YamlMappingNode options)
        {
            options = new YamlMappingNode();
            step.Children[new YamlScalarNode("options")] = options;
        }
        options.Children[new YamlScalarNode(key)] = value;
    }

    private static YamlMappingNode? FindStepNode(YamlMappingNode root, string name)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("steps"), out var stepsNode) || stepsNode is not YamlSequenceNode steps)
        {
            return null;
        }
        var mappings = steps.Children.OfType<YamlMappingNode>().ToList();
        return mappings.FirstOrDefault(m => ScalarOf(m, "id") == name) ?? mappings.FirstOrDefault(m => ScalarOf(m, "kind") == name);
    }

    private static string? ScalarOf(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private PipelineDocument? Validate(YamlMappingNode root, string path)
    {
        foreach (var (keyNode, _) in root.Children)
        {
            var key = KeyText(keyNode);
            if (!TopLevelKeys.Contains(key))
            {
                _errors.Add(new(At(keyNode), $"unknown key '{key}'{NearestName.Hint(key, TopLevelKeys)}; a pipeline has {string.Join(", ", TopLevelKeys)}"));
            }
        }

        var name = RequiredScalar(root, "name", "give the pipeline a name, for example 'name: daynight'");
        if (name is not null && (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/')))
        {
            _errors.Add(new(At(Node(root, "name")!), $"name '{name}' must be usable as a folder name"));
        }
        var device = OptionalScalar(root, "device") ?? "auto";
        if (!Devices.Contains(device))
        {
            _errors.Add(new(At(Node(root, "device")!), $"device '{device}' is not one of auto, cpu, cuda"));
        }
        var seed = 0;
        if (OptionalScalar(root, "seed") is { } seedText && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            _errors.Add(new(At(Node(root, "seed")!), $"seed '{seedText}' is not a whole number"));
        }
        var runDirectory = Path.GetFullPath(OptionalScalar(root, "run_dir") ?? Path.Combine("runs", name ?? "pipeline"));

        var steps = new List<StepInvocation>();
        var stepsNode = Node(root, "steps");
        if (stepsNode is null)
        {
            _errors.Add(new(new(path, root.Start.Line, root.Start.Column), "missing key 'steps': list the steps to run"));
        }
        else if (stepsNode is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            _errors.Add(new(At(stepsNode), "'steps' must be a non-empty list of steps, each with a 'kind'"));
        }
        else
        {
            var produced = new List<string>();
            string? lastTrainedPlugin = null;
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var step = ValidateStep(i, sequence.Children[i], runDirectory, produced, ids, lastTrainedPlugin);
                if (step is null)
                {
                    continue;
                }
                steps.Add(step);
                if (step.Step.PluginUse == StepPluginUse.Trainer)
                {
                    lastTrainedPlugin = step.PluginName;
                }
            }
        }
        return _errors.Count == 0 && name is not null
            ? new PipelineDocument(Path.GetFullPath(path), name, runDirectory, device, seed, steps)
            : null;
    }

    private StepInvocation? ValidateStep(int index, YamlNode node, string runDirectory, List<string> produced,
        HashSet<string> ids, string? lastTrainedPlugin)
    {
        if (node is not YamlMappingNode mapping)
        {
            _errors.Add(new(At(node), "each step is a mapping with a 'kind', for example '- kind: train'"));
            return null;
        }
        var kindName = ScalarOf(mapping, "kind");
        var kinds = _stepKinds.Select(k => k.Kind).ToList();
        if (kindName is null)
        {
            _errors.Add(new(At(mapping), $"step {index + 1} has no 'kind'; use one of {string.Join(", ", kinds)}"));
            return null;
        }
        var kind = _stepKinds.FirstOrDefault(k => k.Kind == kindName);
        if (kind is null)
        {
            _errors.Add(new(At(Node(mapping, "kind")!), $"unknown step kind '{kindName}'{NearestName.Hint(kindName, kinds)}; use one of {string.Join(", ", kinds)}"));
            return null;
        }

        var id = ScalarOf(mapping, "id") ?? kindName;
        if (!ids.Add(id))
        {
            id = $"{kindName}{index + 1}";
            ids.Add(id);
        }
        var allowed = kind.Keys.Select(k => k.Name).Concat(new[] { "kind", "id" })
            .Concat(kind.PluginUse == StepPluginUse.None ? Array.Empty<string>() : new[] { "plugin", "options" }).ToList();
        foreach (var (keyNode, _) in mapping.Children)
        {
            var key = KeyText(keyNode);
            if (!allowed.Contains(key))
            {
                var where = mapping.Children[keyNode] is { } valueNode && _overrideOrigins.ContainsKey(valueNode) ? At(valueNode) : At(keyNode);
                _errors.Add(new(where, $"step '{id}' ({kindName}) has no key '{key}'{NearestName.Hint(key, allowed)}; its keys are {string.Join(", ", allowed)}"));
            }
        }

        string? pluginName = null;
        OptionValues? options = null;
        IReadOnlyList<string> given = Array.Empty<string>();
        if (kind.PluginUse != StepPluginUse.None)
        {
            (pluginName, options, given) = ValidatePlugin(id, mapping, kind, lastTrainedPlugin);
        }
        var needsNoModel = pluginName is not null && _catalog.Find(pluginName) is { IsTrainable: false };

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in kind.Keys)
        {
            if (key.IsTrainedModel && needsNoModel)
            {
                if (Node(mapping, key.Name) is { } modelNode)
                {
                    _errors.Add(new(At(modelNode), $"plugin '{pluginName}' needs no model, so step '{id}' takes no '{key.Name}'; remove it"));
                }
                values[key.Name] = null;
                continue;
            }
            values[key.Name] = ValidateValue(id, mapping, key, runDirectory, produced);
        }
        foreach (var key in kind.Keys.Where(k => k.Type == StepKeyType.OutputPath))
        {
            if (values[key.Name] is string output)
            {
                produced.Add(output);
            }
        }
        return new StepInvocation(index, id, kind, At(mapping), values, pluginName, options) { GivenOptions = given };
    }

    private object? ValidateValue(string stepId, YamlMappingNode mapping, StepKey key, string runDirectory, List<string> produced)
    {
        var node = Node(mapping, key.Name);
        if (node is null)
        {
            if (key.Required)
            {
                _errors.Add(new(At(mapping), $"step '{stepId}' needs '{key.Name}': {key.Description}"));
                return null;
            }
            if (key.Default is null)
            {
                return null;
            }
            return Convert(stepId, key, key.Default, null, runDirectory, produced);
        }
        if (key.Type is StepKeyType.TextList or StepKeyType.InputPathList && node is YamlSequenceNode list)
        {
            var items = new List<string>();
            foreach (var item in list.Children)
            {
                if (item is YamlScalarNode { Value: { } text })
                {
                    items.Add(key.Type == StepKeyType.TextList ? text
                        : (string)Convert(stepId, key with { Type = StepKeyType.InputPath }, text, item, runDirectory, produced)!);
                }
                else
                {
                    _errors.Add(new(At(item), $"'{key.Name}' of step '{stepId}' must be a list of {(key.Type == StepKeyType.TextList ? "texts" : "paths")}"));
                }
            }
            return items;
        }
        if (node is not YamlScalarNode scalar)
        {
            _errors.Add(new(At(node), $"'{key.Name}' of step '{stepId}' must be a single value: {key.Description}"));
            return null;
        }
        if (key.Type is StepKeyType.InputPath or StepKeyType.OutputPath && IsNoValue(scalar))
        {
            // YAML reads '~', 'null' and nothing as no value; a folder named '~' is never what was meant.
            _errors.Add(new(At(scalar), $"'{key.Name}' of step '{stepId}' is empty ('{scalar.Value}'); name a {(key.IsFile ? "file" : "folder")}, or leave the key out{(key.Default is null ? "" : $" for the default {key.Default}")}"));
            return null;
        }
        return Convert(stepId, key, scalar.Value ?? "", scalar, runDirectory, produced);
    }

    private static bool IsNoValue(YamlScalarNode scalar) =>
        string.IsNullOrWhiteSpace(scalar.Value)
        || (scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL");

    private object? Convert(string stepId, StepKey key, string text, YamlNode? node, string runDirectory, List<string> produced)
    {
        var where = node is null ? new SourceLocation(_file, 0, 0) : At(node);
        string Problem(string what) => $"'{key.Name}' of step '{stepId}' {what}";
        switch (key.Type)
        {
            case StepKeyType.Integer:
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    return integer;
                }
                _errors.Add(new(where, Problem($"must be a whole number, got '{text}'")));
                return null;
            case StepKeyType.Number:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }
                _errors.Add(new(where, Problem($"must be a number, got '{text}'")));
                return null;
            case StepKeyType.Boolean:
                if (bool.TryParse(text, out var flag))
                {
                    return flag;
                }
                _errors.Add(new(where, Problem($"must be true or false, got '{text}'")));
                return null;
            case StepKeyType.Choice:
                var choice = key.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                if (choice is not null)
                {
                    return choice;
                }
                _errors.Add(new(where, Problem($"must be one of {string.Join(", ", key.Choices)}, got '{text}'{NearestName.Hint(text, key.Choices)}")));
                return null;
            case StepKeyType.TextList:
                return new List<string> { text };
            case StepKeyType.InputPathList:
                return new List<string> { (string)Convert(stepId, key with { Type = StepKeyType.InputPath }, text, node, runDirectory, produced)! };
            case StepKeyType.InputPath:
                var input = ResolvePath(text, runDirectory);
                var exists = key.IsFile ? File.Exists(input) : Directory.Exists(input) || File.Exists(input);
                if (!exists && !produced.Any(p => IsInside(input, p)))
                {
                    _errors.Add(new(where, Problem($"names {(key.IsFile ? "a file" : "a folder")} that does not exist and no earlier step writes: {input}")));
                }
                return input;
            case StepKeyType.OutputPath:
                return ResolvePath(text, runDirectory);
            default:
                return text;
        }
    }

    /// <summary>The step's plugin, its bound options, and the names of the options the step gave (the rest are defaults).</summary>
    private (string? Plugin, OptionValues? Options, IReadOnlyList<string> Given) ValidatePlugin(string stepId, YamlMappingNode mapping, IPipelineStep kind, string? lastTrainedPlugin)
    {
        var pluginNode = Node(mapping, "plugin");
        var name = (pluginNode as YamlScalarNode)?.Value
            ?? (kind.PluginUse == StepPluginUse.Stylizer ? lastTrainedPlugin : null)
            ?? PluginDefaults.Trainer;
        var plugin = _catalog.Find(name);
        if (plugin is null)
        {
            _errors.Add(new(pluginNode is null ? At(mapping) : At(pluginNode), _catalog.WhyMissing(name)));
            return (null, null, Array.Empty<string>());
        }
        if (kind.PluginUse == StepPluginUse.Trainer && plugin.Instance is not ITrainableStylizerPlugin)
        {
            _errors.Add(new(pluginNode is null ? At(mapping) : At(pluginNode), $"plugin '{name}' cannot train; step '{stepId}' needs a trainable plugin"));
        }

        var inputs = new List<OptionInput>();
        var optionsNode = Node(mapping, "options");
        if (optionsNode is YamlMappingNode options)
        {
            foreach (var (keyNode, valueNode) in options.Children)
            {
                var key = KeyText(keyNode);
                if (valueNode is YamlScalarNode scalar)
                {
                    var where = _overrideOrigins.ContainsKey(valueNode) ? At(valueNode) : At(keyNode);
                    inputs.Add(new OptionInput(key, scalar.Value ?? "", where));
                }
                else
                {
                    _errors.Add(new(At(valueNode), $"option '{key}' of step '{stepId}' must be a single value"));
                }
            }
        }
        else if (optionsNode is not null)
        {
            _errors.Add(new(At(optionsNode), $"'options' of step '{stepId}' must be a mapping of option names to values"));
        }
        return (plugin.Name, PluginOptionBinder.Bind(plugin.Descriptor, inputs, _errors), inputs.Select(i => i.Name).ToList());
    }

    private string? RequiredScalar(YamlMappingNode mapping, string key, string hint)
    {
        var node = Node(mapping, key);
        if (node is null)
        {
            _errors.Add(new(new(_file, mapping.Start.Line, mapping.Start.Column), $"missing key '{key}': {hint}"));
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            _errors.Add(new(At(node), $"'{key}' must be a single value"));
            return null;
        }
        return scalar.Value;
    }

    private string? OptionalScalar(YamlMappingNode mapping, string key)
    {
        var node = Node(mapping, key);
        if (node is null)
        {
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            _errors.Add(new(At(node), $"'{key}' must be a single value"));
            return null;
        }
        return scalar.Value;
    }

    /// <summary>The text of a mapping key; a complex key (a list or mapping used as a key) never matches a valid name.</summary>
    private static string KeyText(YamlNode keyNode) => keyNode is YamlScalarNode scalar ? scalar.Value ?? "" : keyNode.ToString();

    private static YamlNode? Node(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>Relative paths resolve against the current folder; {run} stands for the run folder.</summary>
    public static string ResolvePath(string text, string runDirectory) =>
        Path.GetFullPath(text.Replace("{run}", runDirectory, StringComparison.Ordinal));

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
