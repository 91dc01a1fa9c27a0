using Spectre.Console.Testing;
using StyleForge.Host.Cli;
using StyleForge.Host.Pipelines;
using StyleForge.Host.Terminal;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>
/// The README's promise, key by key: for every key of every step kind, a bad value makes <c>styleforge run</c> exit 2
/// with one error at that key's line, before any step runs (the run folder is never created).
/// </summary>
public sealed class PipelineKeyValidationTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestConsole _output = new TestConsole().Width(400);
    private readonly TestConsole _error = new TestConsole().Width(400);

    public void Dispose() => _temp.Dispose();

    /// <summary>Every key of every step kind, including plugin and options where the kind runs a plugin.</summary>
    public static TheoryData<string, string> StepKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in StepKinds.All)
        {
            var keys = kind.Keys.Select(k => k.Name).Concat(kind.PluginUse == StepPluginUse.None ? [] : ["plugin", "options"]);
            foreach (var key in keys)
            {
                data.Add(kind.Kind, key);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(StepKeys))]
    public void A_bad_value_of_any_step_key_is_refused_at_its_line_with_exit_2_and_nothing_runs(string kindName, string keyName)
    {
        var kind = StepKinds.All.Single(k => k.Kind == kindName);
        var folder = _temp.Combine("in");
        Directory.CreateDirectory(folder);
        var file = _temp.Write("in/metrics.json", "{}");
        var bad = BadValue(kind.Keys.SingleOrDefault(k => k.Name == keyName), keyName, file);
        var run = _temp.Combine("run");
        var lines = new List<string> { "name: keys", $"run_dir: '{run}'", "steps:" };
        if (kindName == "convert")
        {
            // A train step before the convert step writes the default model folder, so the convert step is valid as it stands.
            lines.AddRange(["  - kind: train", "    plugin: cyclegan", $"    a: '{folder}'", $"    b: '{folder}'"]);
        }
        lines.Add($"  - kind: {kindName}");
        lines.AddRange(ValidKeys(kindName, folder, file).Where(k => k.Key != keyName).Select(k => $"    {k.Key}: {k.Value}"));
        lines.Add($"    {keyName}: {bad}");
        var pipeline = _temp.Write("keys.yaml", string.Join('\n', lines) + "\n");

        var exit = StyleForgeApp.Create(new HostConsole(_error, _output))
            .Run(StyleForgeApp.NormalizeArguments(["run", pipeline, "--plugins", RepoLayout.HostPlugins]));

        var errors = _error.Output.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.True(exit == ExitCodes.Usage, $"{kindName}.{keyName}: {bad} gave exit {exit}\n{_error.Output}");
        var error = Assert.Single(errors);
        Assert.StartsWith($"error: {pipeline}:{lines.Count}:", error);
        Assert.Contains("1 error(s); nothing was run.", _error.Output);
        Assert.False(Directory.Exists(run), "the run folder was created");
    }

    /// <summary>Values that pass every check, so the key under test is the only thing wrong.</summary>
    private static IEnumerable<(string Key, string Value)> ValidKeys(string kind, string folder, string file) => kind switch
    {
        "train" => [("plugin", "cyclegan"), ("a", $"'{folder}'"), ("b", $"'{folder}'")],
        "convert" => [("input", $"'{folder}'"), ("output", "'{run}/out'")],
        "evaluate" => [("pred", $"'{folder}'"), ("truth", $"'{folder}'"), ("input", $"'{folder}'"), ("train_a", $"'{folder}'"), ("train_b", $"'{folder}'")],
        "report" => [("before", $"'{folder}'"), ("after", $"'{folder}'"), ("truth", $"'{folder}'"), ("model", $"'{folder}'"), ("metrics", $"'{file}'")],
        "preview" => [("before", $"'{folder}'")],
        _ => [],
    };

    /// <summary>A value of the right shape in YAML that the key's type refuses.</summary>
    private static string BadValue(StepKey? key, string name, string file) => key?.Type switch
    {
        null => name == "plugin" ? "nosuchplugin" : "{nosuch_option: 1}",
        StepKeyType.Integer when key.Minimum > int.MinValue => (key.Minimum - 1).ToString(),
        StepKeyType.Integer => "many",
        StepKeyType.Number => "lots",
        StepKeyType.Boolean => "maybe",
        StepKeyType.Choice => "nope",
        StepKeyType.Text => "{not: single}",
        StepKeyType.InputPath => "/definitely/not/here",
        StepKeyType.OutputPath => $"'{file}/sub'",
        StepKeyType.TextList => "[{not: text}]",
        StepKeyType.InputPathList => "[/definitely/not/here]",
        StepKeyType.GlobList => "['*.png', 'textures/[abc']",
        StepKeyType.Shard => "5/4",
        StepKeyType.SuffixList => "[_n, textures/_spec.png]",
        _ => throw new InvalidOperationException($"no bad value for {key.Type}: add one"),
    };
}

/// <summary>
/// One rule for exit codes, the same from a verb and from a pipeline: a setup or usage error found before anything
/// runs exits 2 with the same message; only a step that ran and failed makes a pipeline exit 1.
/// </summary>
public sealed class SetupErrorParityTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (int Exit, string Error) Run(params string[] args)
    {
        var error = new TestConsole().Width(400);
        var exit = StyleForgeApp.Create(new HostConsole(error, new TestConsole())).Run(StyleForgeApp.NormalizeArguments(args));
        return (exit, error.Output);
    }

    private string ConvertPipeline(string extra)
    {
        var input = _temp.Combine("in");
        Directory.CreateDirectory(input);
        return _temp.Write("convert.yaml", $"""
            name: parity
            run_dir: '{_temp.Combine("run")}'
            steps:
              - kind: train
                plugin: colortransfer
                a: '{input}'
                b: '{input}'
              - kind: convert
                input: '{input}'
                output: '{_temp.Combine("out")}'
            {extra}
            """);
    }

    [Theory]
    [InlineData("--shard", "5/4", "shard: 5/4", "shard '5/4' must be I/N with 1 <= I <= N")]
    [InlineData("--include", "textures/[abc", "include: 'textures/[abc'", "glob 'textures/[abc' opens '[' without a closing ']'")]
    [InlineData("--skip-suffix", "textures/_n.png", "skip_suffixes: textures/_n.png", "skip suffix 'textures/_n.png' must be a name ending")]
    public void A_bad_conversion_setting_exits_2_with_the_same_message_from_convert_and_from_a_pipeline(
        string flag, string value, string yaml, string message)
    {
        var pipeline = ConvertPipeline("    " + yaml);

        var verb = Run("convert", "--model", _temp.Combine("run"), "--input", _temp.Combine("in"), "--output", _temp.Combine("out"),
            flag, value, "--plugins", RepoLayout.HostPlugins);
        var run = Run("run", pipeline, "--plugins", RepoLayout.HostPlugins);

        Assert.Equal((ExitCodes.Usage, ExitCodes.Usage), (verb.Exit, run.Exit));
        Assert.Contains(message, verb.Error);
        Assert.Contains(message, run.Error);
        Assert.Contains("convert.yaml:11:", run.Error);
        Assert.Contains("1 error(s); nothing was run.", run.Error);
        Assert.False(Directory.Exists(_temp.Combine("run")), "a step ran");
    }

    [Fact]
    public void A_malformed_set_argument_gets_the_same_error_from_a_verb_and_from_a_pipeline()
    {
        var pipeline = ConvertPipeline("");

        var verb = Run("train", "--plugin", "colortransfer", "--a", _temp.Combine("in"), "--b", _temp.Combine("in"), "--out", _temp.Combine("model"),
            "--set", "strength", "--plugins", RepoLayout.HostPlugins);
        var validate = Run("validate", pipeline, "--set", "strength", "--plugins", RepoLayout.HostPlugins);

        Assert.Equal((ExitCodes.Usage, ExitCodes.Usage), (verb.Exit, validate.Exit));
        const string expected = "error: --set strength: expected KEY=VALUE, for example iterations=2000";
        Assert.Contains(expected, verb.Error);
        Assert.Contains(expected, validate.Error);
    }

    [Fact]
    public void A_step_that_ran_and_failed_makes_the_pipeline_exit_1()
    {
        // Given an evaluate step whose folders exist (so the pipeline is valid) but hold nothing to score; without
        // baselines its input, train_a and train_b are not used, so their defaults need not exist
        var empty = _temp.Combine("empty");
        Directory.CreateDirectory(empty);
        var pipeline = _temp.Write("evaluate.yaml", $"""
            name: ran
            run_dir: '{_temp.Combine("run")}'
            steps:
              - kind: evaluate
                pred: '{empty}'
                truth: '{empty}'
                baselines: false
            """);

        var (exit, error) = Run("run", pipeline, "--plugins", RepoLayout.HostPlugins);

        // Then the step ran (the run folder exists) and its failure is exit 1, not 2
        Assert.True(exit == ExitCodes.Failed, error);
        Assert.Contains("step 'evaluate' (evaluate) failed", error);
        Assert.True(Directory.Exists(_temp.Combine("run")));
    }
}
