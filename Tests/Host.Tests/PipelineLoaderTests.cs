using StyleForge.Engine.Catalog;
using StyleForge.Host.Pipelines;
using Xunit;

namespace StyleForge.Host.Tests;

public sealed class PipelineLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly PluginCatalog _noPlugins = PluginCatalog.Load(Array.Empty<string>());

    /// <summary>A step kind with one key of each type, so the loader's checks can be exercised without plugins.</summary>
    private sealed class ProbeStep : IPipelineStep
    {
        public string Kind => "probe";

        public string Description => "test step";

        public IReadOnlyList<StepKey> Keys { get; } = new[]
        {
            new StepKey("input", StepKeyType.InputPath, "an existing folder") { Required = true },
            new StepKey("out", StepKeyType.OutputPath, "where to write", "{run}/probe"),
            new StepKey("count", StepKeyType.Integer, "how many", "3"),
            new StepKey("ratio", StepKeyType.Number, "a ratio", "0.5"),
            new StepKey("flag", StepKeyType.Boolean, "a flag", "false"),
            new StepKey("mode", StepKeyType.Choice, "a mode", "fast") { Choices = new[] { "fast", "slow" } },
            new StepKey("include", StepKeyType.TextList, "globs"),
        };

        public StepPluginUse PluginUse => StepPluginUse.None;

        public Task<int> RunAsync(StepInvocation step, PipelineRun run) => Task.FromResult(0);
    }

    private PipelineDocument Load(string yaml, params string[] overrides)
    {
        var file = _temp.Write("pipeline.yaml", yaml);
        return new PipelineLoader(new IPipelineStep[] { new ProbeStep() }, _noPlugins).Load(file, overrides);
    }

    private PipelineValidationException Reject(string yaml, params string[] overrides) =>
        Assert.Throws<PipelineValidationException>(() => Load(yaml, overrides));

    private string Input => _temp.Path.Replace('\\', '/');

    [Fact]
    public void Given_a_valid_pipeline_When_loaded_Then_values_are_typed_defaults_applied_and_paths_resolved()
    {
        var document = Load($"""
            name: demo
            seed: 7
            steps:
              - kind: probe
                input: {Input}
                count: 12
                include: ["*.png", "*.tga"]
            """);

        var step = Assert.Single(document.Steps);
        Assert.Equal("demo", document.Name);
        Assert.Equal(7, document.Seed);
        Assert.Equal("auto", document.Device);
        Assert.Equal(12, step.GetInteger("count"));
        Assert.Equal(0.5, step.GetNumber("ratio"));
        Assert.False(step.GetBoolean("flag"));
        Assert.Equal(new[] { "*.png", "*.tga" }, step.GetTexts("include"));
        Assert.Equal(Path.Combine(document.RunDirectory, "probe"), step.GetPath("out"));
        Assert.Equal(Path.GetFullPath(Path.Combine("runs", "demo")), document.RunDirectory);
    }

    [Fact]
    public void Given_a_misspelt_key_When_loaded_Then_the_error_names_file_line_column_and_the_nearest_key()
    {
        var error = Assert.Single(Reject($"""
            name: demo
            steps:
              - kind: probe
                input: {Input}
                cuont: 3
            """).Errors);

        Assert.Equal(5, error.Where.Line);
        Assert.Equal(5, error.Where.Column);
        Assert.EndsWith("pipeline.yaml", error.Where.Origin);
        Assert.Contains("'cuont'", error.Message);
        Assert.Contains("did you mean 'count'", error.Message);
    }

    [Fact]
    public void Given_broken_yaml_syntax_When_loaded_Then_the_error_is_located()
    {
        var error = Assert.Single(Reject("""
            name: demo
            steps:
              - kind: probe
                input: [unclosed
            """).Errors);

        Assert.True(error.Where.Line >= 4, error.ToString());
        Assert.Contains("YAML syntax error", error.Message);
        Assert.Matches(@"pipeline\.yaml:\d+:\d+: ", error.ToString());
    }

    [Fact]
    public void Given_an_unclosed_flow_value_followed_by_more_keys_When_loaded_Then_it_is_a_located_yaml_error_not_a_crash()
    {
        // The shape that crashed the loader with "InvalidOperationException: Operation is not valid due to the current
        // state of the object." (a mutated daynight.yaml): the scanner reaches a key inside the unclosed '['.
        var error = Assert.Single(Reject($"""
            name: demo
            steps:
              - kind: probe
                input: {Input}
                count: [unclosed
                mode: fast
            """).Errors);

        Assert.Contains("YAML syntax error", error.Message);
        Assert.Matches(@"pipeline\.yaml:[1-9]\d*:[1-9]\d*: ", error.ToString());
    }

    [Fact]
    public void Given_a_step_item_that_starts_with_a_colon_When_loaded_Then_it_is_a_located_yaml_error_not_a_crash()
    {
        // The mutation test's second crash: YamlDotNet's node loader threw ArgumentException ("The current event is of an
        // unsupported type") on "- : convert" after a complete step.
        var error = Assert.Single(Reject($"""
            name: demo
            steps:
              - kind: probe
                input: {Input}

              - : probe
            """).Errors);

        Assert.Contains("YAML syntax error", error.Message);
        Assert.Matches(@"pipeline\.yaml:[1-9]\d*:[1-9]\d*: ", error.ToString());
    }

    [Fact]
    public void A_windows_path_in_double_quotes_is_rejected_with_the_quoting_that_works()
    {
        // Given a Windows path in double quotes, where YAML reads \d as an unknown escape
        var error = Assert.Single(Reject("""
            name: demo
            steps:
              - kind: probe
                input: "C:\data\day"
            """).Errors);

        // Then the error names the line and says how to write the path instead
        Assert.Equal(4, error.Where.Line);
        Assert.Contains("write Windows paths in single quotes ('C:\\data'), unquoted, or with forward slashes (C:/data)", error.Message);
    }

    [Fact]
    public void Given_several_mistakes_When_loaded_Then_every_one_is_reported_in_file_order()
    {
        var errors = Reject("""
            name: demo
            devise: cpu
            steps:
              - kind: probe
                input: /definitely/not/here
                count: many
                mode: medium
              - kind: probs
            """).Errors;

        Assert.Collection(errors,
            e => Assert.Contains("did you mean 'device'", e.Message),
            e => Assert.Contains("does not exist", e.Message),
            e => Assert.Contains("whole number", e.Message),
            e => Assert.Contains("fast, slow", e.Message),
            e => Assert.Contains("unknown step kind 'probs'", e.Message));
        Assert.Equal(new long[] { 2, 5, 6, 7, 8 }, errors.Select(e => e.Where.Line));
    }

    [Fact]
    public void Given_an_input_written_by_an_earlier_step_When_loaded_Then_it_need_not_exist_yet()
    {
        var document = Load($$"""
            name: demo
            steps:
              - kind: probe
                input: {{Input}}
                out: "{run}/made"
              - kind: probe
                input: "{run}/made/sub"
            """);

        Assert.Equal(2, document.Steps.Count);
        Assert.Equal("probe2", document.Steps[1].Id);
    }

    [Fact]
    public void Given_overrides_When_loaded_Then_they_replace_values_and_bad_ones_are_located_on_the_command_line()
    {
        var yaml = $"""
            name: demo
            steps:
              - kind: probe
                input: {Input}
            """;

        var document = Load(yaml, "probe.count=9", "seed=4");
        Assert.Equal(9, document.Steps[0].GetInteger("count"));
        Assert.Equal(4, document.Seed);

        var error = Assert.Single(Reject(yaml, "probe.count=nine").Errors);
        Assert.Equal("--set probe.count=nine", error.Where.ToString());
        Assert.Contains("whole number", error.Message);

        var missing = Assert.Single(Reject(yaml, "convert.force=true").Errors);
        Assert.Contains("no step with id or kind 'convert'", missing.Message);
    }

    [Fact]
    public void Given_a_plugin_step_naming_an_unknown_plugin_When_loaded_Then_the_error_lists_installed_plugins()
    {
        var file = _temp.Write("train.yaml", $"""
            name: demo
            steps:
              - kind: train
                plugin: cyclegam
                a: {Input}
                b: {Input}
            """);

        var errors = Assert.Throws<PipelineValidationException>(
            () => new PipelineLoader(StepKinds.All, _noPlugins).Load(file, Array.Empty<string>())).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(4, error.Where.Line);
        Assert.Contains("unknown plugin 'cyclegam'", error.Message);
        Assert.Contains("installed plugins: none", error.Message);
    }

    [Fact]
    public void Given_a_list_used_as_a_key_When_loaded_Then_it_is_reported_not_crashed_on()
    {
        var error = Assert.Single(Reject($"""
            name: demo
            ? [a, b]
            : 1
            steps:
              - kind: probe
                input: {Input}
            """).Errors);

        Assert.Equal(2, error.Where.Line);
        Assert.Contains("unknown key", error.Message);
    }

    [Fact]
    public void Given_a_missing_file_When_loaded_Then_the_error_says_so()
    {
        var error = Assert.Single(Assert.Throws<PipelineValidationException>(
            () => new PipelineLoader(StepKinds.All, _noPlugins).Load(_temp.Combine("nope.yaml"), Array.Empty<string>())).Errors);

        Assert.Contains("does not exist", error.Message);
    }

    public void Dispose()
    {
        _noPlugins.Dispose();
        _temp.Dispose();
    }
}
