using System.Globalization;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Conversion;
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
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        var parser = new Parser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var description = Describe(ex);
            // The usual cause on Windows: a path such as "C:\data" in double quotes, where YAML reads \d as an escape.
            var advice = description.Contains("unknown escape character", StringComparison.Ordinal)
                ? "inside double quotes a backslash starts an escape: write Windows paths in single quotes ('C:\\data'), unquoted, or with forward slashes (C:/data)"
                : "check indentation and quoting near here";
            _errors.Add(new(Located(ex.Start), $"YAML syntax error: {description}; {advice}"));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet 18 fails on some broken files with these instead of a YamlException: its scanner on an unclosed
            // flow collection ("key: [a" followed by more keys), its node loader on events out of place ("- : value").
            // The parser's last event is where it stopped understanding the file.
            var at = parser.Current?.Start ?? Mark.Empty;
            var what = ex is InvalidOperationException
                ? "a '[' or '{' is not closed before this point; close it, or quote the value"
                : "the structure breaks off here; check indentation, '-' and ':' near here";
            _errors.Add(new(Located(at), $"YAML syntax error: {what}"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var node = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            _errors.Add(new(node is null ? new(path, 1, 1) : At(node), "a pipeline is a mapping with at least 'name' and 'steps'"));
            return null;
        }
        return mapping;
    }

    /// <summary>A parser position as file:line:column; YamlDotNet counts from 1, but an empty mark is 0.</summary>
    private SourceLocation Located(Mark mark) => new(_file, Math.Max(1, mark.Line), Math.Max(1, mark.Column));

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
        if (SetArgument.Parse(setting, _errors) is not { } argument)
        {
            return;
        }
        var origin = argument.Where.Origin;
        var path = argument.Key;
        var dot = path.IndexOf('.');
        var value = new YamlScalarNode(argument.Value);
        _overrideOrigins[value] = origin;
        if (dot < 0)
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
        var runDirectoryText = OptionalScalar(root, "run_dir");
        var runDirectory = TryFullPath(runDirectoryText ?? Path.Combine("runs", name ?? "pipeline"), out var runProblem) ?? Path.GetFullPath("runs");
        if (runProblem is not null)
        {
            _errors.Add(new(At(Node(root, runDirectoryText is null ? "name" : "run_dir")!), $"the run folder {runProblem}"));
        }

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

        var errorsBefore = _errors.Count;
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
            values[key.Name] = ValidateValue(id, mapping, key, kind.Keys, runDirectory, produced);
        }
        var invocation = new StepInvocation(index, id, kind, At(mapping), values, pluginName, options) { GivenOptions = given };
        if (_errors.Count == errorsBefore)
        {
            // The step's own checks see only valid values, and what earlier steps write (not yet this one's outputs).
            var context = new StepCheckContext(_catalog, path => produced.Any(p => IsInside(path, p)));
            foreach (var problem in kind.Check(invocation, context))
            {
                var where = problem.Key is not null && Node(mapping, problem.Key) is { } keyValue ? At(keyValue) : At(mapping);
                _errors.Add(new(where, $"step '{id}' ({kindName}): {problem.Message}"));
            }
        }
        foreach (var key in kind.Keys.Where(k => k.Type == StepKeyType.OutputPath))
        {
            if (values[key.Name] is string output)
            {
                // A step writing into the run folder itself (a train step's default 'out') gives later steps its model/,
                // not the whole run folder: a mistyped path elsewhere under {run} is still found here.
                produced.Add(SameFolder(output, runDirectory) ? Path.Combine(runDirectory, "model") : output);
            }
        }
        return invocation;
    }

    private object? ValidateValue(string stepId, YamlMappingNode mapping, StepKey key, IReadOnlyList<StepKey> kindKeys, string runDirectory, List<string> produced)
    {
        var node = Node(mapping, key.Name);
        if (node is null)
        {
            if (key.Required)
            {
                _errors.Add(new(At(mapping), $"step '{stepId}' needs '{key.Name}': {key.Description}"));
                return null;
            }
            if (key.Type == StepKeyType.SuffixList)
            {
                return MapTypeRules.Default;
            }
            if (key.UsedOnlyWith is { } switchKey && !IsOn(mapping, switchKey, kindKeys))
            {
                return null;
            }
            // A default that does not fit (an input no earlier step writes) is located at the step that relies on it.
            return key.Default is null ? null : Convert(stepId, key, key.Default, At(mapping), runDirectory, produced);
        }
        if (key.Type is StepKeyType.TextList or StepKeyType.InputPathList or StepKeyType.GlobList or StepKeyType.SuffixList)
        {
            return ValidateList(stepId, key, node, runDirectory, produced);
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
        return Convert(stepId, key, scalar.Value ?? "", At(scalar), runDirectory, produced);
    }

    /// <summary>A key that takes one item or a list of them: each item is checked where it is written.</summary>
    private object? ValidateList(string stepId, StepKey key, YamlNode node, string runDirectory, List<string> produced)
    {
        var itemType = key.Type switch
        {
            StepKeyType.InputPathList => StepKeyType.InputPath,
            StepKeyType.GlobList => StepKeyType.GlobList,
            StepKeyType.SuffixList => StepKeyType.SuffixList,
            _ => StepKeyType.Text,
        };
        var items = new List<(string Text, YamlNode Node)>();
        foreach (var item in node is YamlSequenceNode list ? list.Children : (IEnumerable<YamlNode>)new[] { node })
        {
            if (item is YamlScalarNode { Value: { } text })
            {
                items.Add((text, item));
            }
            else
            {
                _errors.Add(new(At(item), $"'{key.Name}' of step '{stepId}' must be {(node is YamlSequenceNode ? "a list of single values" : "a single value or a list")}: {key.Description}"));
            }
        }
        var values = new List<string>();
        var valid = true;
        foreach (var (text, item) in items)
        {
            var errorsBefore = _errors.Count;
            var value = itemType == StepKeyType.SuffixList ? CheckSuffix(stepId, key, text, items.Count, At(item))
                : Convert(stepId, key with { Type = itemType }, text, At(item), runDirectory, produced) as string;
            valid &= _errors.Count == errorsBefore;
            values.Add(value ?? text);
        }
        if (key.Type != StepKeyType.SuffixList)
        {
            return values;
        }
        return !valid ? null : values is ["none"] ? MapTypeRules.None : MapTypeRules.Parse(values);
    }

    private string? CheckSuffix(string stepId, StepKey key, string text, int count, SourceLocation where)
    {
        if (text == "none")
        {
            if (count == 1)
            {
                return text;
            }
            _errors.Add(new(where, $"'{key.Name}' of step '{stepId}': 'none' stylizes everything, so it cannot be listed with suffixes; use one or the other"));
            return null;
        }
        try
        {
            _ = MapTypeRules.Parse(new[] { text });
            return text;
        }
        catch (ArgumentException ex)
        {
            _errors.Add(new(where, $"'{key.Name}' of step '{stepId}': {ex.Message}"));
            return null;
        }
    }

    /// <summary>Whether a Boolean key is true as written, or by default; its own errors are reported where it is checked.</summary>
    private static bool IsOn(YamlMappingNode mapping, string name, IReadOnlyList<StepKey> keys) =>
        bool.TryParse(ScalarOf(mapping, name) ?? keys.FirstOrDefault(k => k.Name == name)?.Default, out var on) ? on : true;

    private static bool IsNoValue(YamlScalarNode scalar) =>
        string.IsNullOrWhiteSpace(scalar.Value)
        || (scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL");

    private object? Convert(string stepId, StepKey key, string text, SourceLocation where, string runDirectory, List<string> produced)
    {
        string Problem(string what) => $"'{key.Name}' of step '{stepId}' {what}";
        switch (key.Type)
        {
            case StepKeyType.Integer:
                if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    _errors.Add(new(where, Problem($"must be a whole number, got '{text}'")));
                    return null;
                }
                if (integer < key.Minimum || integer > key.Maximum)
                {
                    _errors.Add(new(where, Problem($"must be {RangeText(key)}, got {integer}")));
                    return null;
                }
                return integer;
            case StepKeyType.Number:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
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
            case StepKeyType.Shard:
                try
                {
                    return ShardSpec.Parse(text);
                }
                catch (ArgumentException ex)
                {
                    _errors.Add(new(where, $"'{key.Name}' of step '{stepId}': {ex.Message}"));
                    return null;
                }
            case StepKeyType.GlobList:
                try
                {
                    return GlobPattern.Parse(text).Text;
                }
                catch (ArgumentException ex)
                {
                    _errors.Add(new(where, $"'{key.Name}' of step '{stepId}': {ex.Message}"));
                    return null;
                }
            case StepKeyType.TextList or StepKeyType.InputPathList or StepKeyType.SuffixList:
                // Only defaults get here (written values go through ValidateList); none of these keys has one today.
                return ValidateList(stepId, key, new YamlScalarNode(text), runDirectory, produced);
            case StepKeyType.InputPath:
                if (ResolvePath(text, runDirectory, where, Problem) is not { } input)
                {
                    return null;
                }
                var exists = key.IsFile ? File.Exists(input) : Directory.Exists(input) || File.Exists(input);
                // The run folder itself always exists by the time a step runs: the runner makes it first.
                if (!exists && !SameFolder(input, runDirectory) && !produced.Any(p => IsInside(input, p)))
                {
                    _errors.Add(new(where, Problem($"names {(key.IsFile ? "a file" : "a folder")} that does not exist and no earlier step writes: {input}")));
                }
                return input;
            case StepKeyType.OutputPath:
                if (ResolvePath(text, runDirectory, where, Problem) is not { } output)
                {
                    return null;
                }
                if (OutputProblem(output, key.IsFile) is { } problem)
                {
                    _errors.Add(new(where, Problem(problem)));
                }
                return output;
            default:
                return text;
        }
    }

    private static string RangeText(StepKey key) => (key.Minimum, key.Maximum) switch
    {
        (int.MinValue, int.MaxValue) => "a whole number that fits in 32 bits",
        (var min, int.MaxValue or long.MaxValue) => $"at least {min}",
        var (min, max) => $"from {min} to {max}",
    };

    /// <summary>Why the step could not write <paramref name="output"/>: a file where a folder must be, or the reverse.</summary>
    private static string? OutputProblem(string output, bool isFile)
    {
        if (isFile ? Directory.Exists(output) : File.Exists(output))
        {
            return $"names {(isFile ? "a folder" : "a file")}, but the step writes {(isFile ? "a file" : "a folder")} there: {output}";
        }
        for (var parent = Path.GetDirectoryName(output); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"cannot be written: {parent} is a file, not a folder";
            }
            if (Directory.Exists(parent))
            {
                return null;
            }
        }
        return null;
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
    private static string KeyText(YamlNode keyNode) => keyNode switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        // Not the node's text: aliases inside it can make that exponentially long.
        YamlSequenceNode => "[a list]",
        _ => "{a mapping}",
    };

    private static YamlNode? Node(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>Relative paths resolve against the current folder; {run} stands for the run folder. Null after adding an error.</summary>
    private string? ResolvePath(string text, string runDirectory, SourceLocation where, Func<string, string> problem)
    {
        var full = TryFullPath(text.Replace("{run}", runDirectory, StringComparison.Ordinal), out var why);
        if (why is not null)
        {
            _errors.Add(new(where, problem(why)));
        }
        return full;
    }

    /// <summary>The absolute path, or null and why it is not a usable path (a NUL character, for example).</summary>
    private static string? TryFullPath(string path, out string? problem)
    {
        problem = path.IndexOf('\0') >= 0 ? "contains a NUL character, which no file system allows" : null;
        if (problem is null)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                problem = $"is not a usable path: {ex.Message}";
            }
        }
        return null;
    }

    private static bool SameFolder(string a, string b) =>
        Path.TrimEndingDirectorySeparator(a) == Path.TrimEndingDirectorySeparator(b);

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
