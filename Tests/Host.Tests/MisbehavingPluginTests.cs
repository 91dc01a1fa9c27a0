using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Spectre.Console.Testing;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Conversion;
using StyleForge.Engine.Runs;
using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>
/// Plugins that break the contract the ways a third party's first plugin does, built from source
/// by a plain <c>dotnet build</c> (no -o: the host must find a build output as it is), then driven
/// through the command line. Each failure must name the plugin and say what to fix.
/// </summary>
public sealed class MisbehavingPluginTests : IClassFixture<MisbehavingPluginTests.BuiltMisfits>, IDisposable
{
    private readonly BuiltMisfits _misfits;
    private readonly TempFolder _temp = new();
    private readonly TestConsole _output = new TestConsole().Width(400);
    private readonly TestConsole _error = new TestConsole().Width(400);

    public MisbehavingPluginTests(BuiltMisfits misfits) => _misfits = misfits;

    public void Dispose() => _temp.Dispose();

    public sealed class BuiltMisfits : IDisposable
    {
        private readonly TempFolder _temp = new();

        public BuiltMisfits()
        {
            var project = _temp.Write("src/Misfits/Misfits.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <EnableDynamicLoading>true</EnableDynamicLoading>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{RepoLayout.Root}/Plugins.Abstractions/Plugins.Abstractions.csproj" Private="false" ExcludeAssets="runtime" />
                    <!-- Older than the host's YamlDotNet 18: the plugin must get its own. -->
                    <PackageReference Include="YamlDotNet" Version="16.3.0" />
                  </ItemGroup>
                </Project>
                """);
            _temp.Write("src/Misfits/Misfits.cs", MisfitSources);
            // The test run's configuration: its build made the contract's reference assembly for that configuration, and
            // BuildProjectReferences=false relies on it (a clean clone has no Release build of the contract).
            var start = new ProcessStartInfo("dotnet", $"build \"{project}\" -c {RepoLayout.Configuration} -nologo -v q -p:BuildProjectReferences=false")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"building the misbehaving plugins failed:\n{output.Result}\n{error}");
            }
        }

        /// <summary>The plain build output, bin/CONFIGURATION/net10.0, as dotnet build leaves it.</summary>
        public string BuildOutput => _temp.Combine("src", "Misfits", "bin", RepoLayout.Configuration, "net10.0");

        public void Dispose() => _temp.Dispose();
    }

    private int Run(params string[] args) =>
        StyleForgeApp.Create(new HostConsole(_error, _output)).Run(StyleForgeApp.NormalizeArguments(args));

    private string Input(params (string Name, int Size)[] files)
    {
        var folder = _temp.Combine("in");
        Directory.CreateDirectory(folder);
        foreach (var (name, size) in files)
        {
            using var image = new Image<Rgb24>(size, size, new Rgb24(40, 120, 200));
            image.SaveAsPng(Path.Combine(folder, name));
        }
        return folder;
    }

    private int Convert(string plugin, params string[] more) =>
        Run(new[] { "convert", "--plugins", _misfits.BuildOutput, "--plugin", plugin, "--input", Input(("wall.png", 4)), "--output", _temp.Combine("out") }
            .Concat(more).ToArray());

    [Fact]
    public void Given_a_plain_build_output_When_listing_Then_its_plugins_load_from_it_and_say_where_they_came_from()
    {
        var exit = Run("plugins", "--plugins", _misfits.BuildOutput);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("nonfinite 0.1.0", _output.Output);
        Assert.Contains($"{Path.Combine(_misfits.BuildOutput, "Misfits.dll")} (from --plugins)", _output.Output);
        Assert.Contains("plugin 'api20'", _error.Output);
        Assert.Contains("was refused, because it was built for plugin API 2.0", _error.Output);
    }

    [Fact]
    public void Given_a_plugin_shipping_an_older_YamlDotNet_When_loaded_Then_it_gets_its_own_version_not_the_hosts()
    {
        using var catalog = PluginCatalog.Load(new[] { _misfits.BuildOutput });

        var plugin = catalog.Find("yamlold");

        Assert.NotNull(plugin);
        Assert.StartsWith("YamlDotNet 16.", plugin.Descriptor.Description);
        Assert.Equal(18, typeof(YamlDotNet.Serialization.Deserializer).Assembly.GetName().Version!.Major);
    }

    [Fact]
    public void Given_a_plugins_folder_that_does_not_exist_When_any_plugin_verb_runs_Then_it_is_bad_usage()
    {
        var missing = _temp.Combine("no-such-folder");

        var exit = Run("plugins", "--plugins", missing);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"--plugins {missing}: folder not found", _error.Output);
    }

    [Fact]
    public void Given_a_plugins_folder_with_nothing_loadable_When_listing_Then_a_warning_names_what_is_there()
    {
        var folder = _temp.Combine("not-plugins");
        _temp.Write("not-plugins/notes.txt", "hello");
        Directory.CreateDirectory(Path.Combine(folder, "src"));

        Run("plugins", "--plugins", folder);

        Assert.Contains($"{folder} (--plugins): no plugin found; it holds notes.txt, src/", _error.Output);
    }

    [Fact]
    public void Given_a_stylizer_returning_NaN_When_converting_Then_the_file_fails_naming_the_plugin_and_nothing_is_written()
    {
        var exit = Convert("nonfinite");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("plugin 'nonfinite' returned NaN at pixel (0, 0) channel 0; values must be finite", _error.Output);
        Assert.False(File.Exists(Path.Combine(_temp.Combine("out"), "wall.png")));
    }

    [Fact]
    public void Given_a_stylizer_returning_one_channel_When_converting_Then_the_message_is_about_channels_not_size()
    {
        var exit = Convert("gray");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("plugin 'gray' returned 1 channel from Stylize; it must return 3 (RGB)", _error.Output);
    }

    [Fact]
    public void Given_a_stylizer_returning_null_When_converting_Then_the_message_says_null()
    {
        var exit = Convert("nothing");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("plugin 'nothing' returned no texture (null) from Stylize", _error.Output);
        Assert.DoesNotContain("Object reference", _error.Output);
    }

    [Fact]
    public void Given_a_stylizer_that_throws_When_converting_Then_the_error_names_the_plugin_and_type_and_verbose_adds_the_stack()
    {
        var exit = Convert("throws");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("plugin 'throws' failed: InvalidOperationException: lookup table missing", _error.Output);
        Assert.DoesNotContain("at Misfits.", _error.Output);

        var mark = _error.Output.Length;
        Directory.Delete(_temp.Combine("out"), recursive: true);
        Convert("throws", "--verbose");

        Assert.Contains("at Misfits.Throwing.Stylize", _error.Output[mark..]);
    }

    [Fact]
    public void Given_a_Train_that_throws_When_training_Then_exit_1_names_plugin_and_type_and_run_verbose_adds_the_stack()
    {
        var exit = Run("train", "--plugins", _misfits.BuildOutput, "--plugin", "crashtrain", "--a", Input(("a.png", 4)), "--b", Input(("a.png", 4)),
            "--out", _temp.Combine("model"));

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("plugin 'crashtrain' failed while training: InvalidOperationException: out of sheep", _error.Output);
        Assert.DoesNotContain("at Misfits.CrashTrain.Train", _error.Output);

        var file = _temp.Write("crash.yaml", $"""
            name: crash
            run_dir: {_temp.Combine("run")}
            steps:
              - kind: train
                plugin: crashtrain
                a: {Input(("a.png", 4))}
                b: {Input(("a.png", 4))}
            """);
        var mark = _error.Output.Length;

        Assert.Equal(ExitCodes.Failed, Run("run", file, "--plugins", _misfits.BuildOutput, "--verbose"));
        Assert.Contains("at Misfits.CrashTrain.Train", _error.Output[mark..]);
    }

    [Fact]
    public void Given_a_refused_plugin_When_used_Then_the_error_says_refused_because()
    {
        var train = Run("train", "--plugins", _misfits.BuildOutput, "--plugin", "api20", "--a", Input(("a.png", 4)), "--b", Input(("a.png", 4)),
            "--out", _temp.Combine("model"));

        Assert.Equal(ExitCodes.Usage, train);
        Assert.Contains("plugin 'api20'", _error.Output);
        Assert.Contains("was refused, because it was built for plugin API 2.0", _error.Output);

        var mark = _error.Output.Length;
        Assert.Equal(ExitCodes.Usage, Convert("api20"));
        Assert.Contains("was refused, because", _error.Output[mark..]);
    }

    [Fact]
    public void Given_a_plugin_that_cannot_train_When_training_with_it_Then_it_is_bad_usage()
    {
        var exit = Run("train", "--plugins", _misfits.BuildOutput, "--plugin", "gray", "--a", Input(("a.png", 4)), "--b", Input(("a.png", 4)),
            "--out", _temp.Combine("model"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("plugin 'gray' cannot train", _error.Output);
    }

    [Fact]
    public void Given_a_trainable_plugin_without_a_model_When_converting_by_name_Then_it_asks_for_the_model()
    {
        var exit = Convert("remember");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("plugin 'remember' converts with a model it trained", _error.Output);
    }

    [Fact]
    public void Given_a_Train_that_returns_another_folder_When_training_Then_it_fails_and_nothing_is_created_there()
    {
        var model = _temp.Combine("model");

        var exit = Run("train", "--plugins", _misfits.BuildOutput, "--plugin", "elsewhere", "--a", Input(("a.png", 4)), "--b", Input(("a.png", 4)),
            "--out", model);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("plugin 'elsewhere' trained into", _error.Output);
        Assert.Contains("is not inside it", _error.Output);
        Assert.False(Directory.Exists(_temp.Combine("elsewhere")));
        Assert.False(File.Exists(Path.Combine(model, "styleforge-model.json")));
    }

    [Fact]
    public void Given_options_set_at_training_When_converting_with_the_model_Then_they_apply_unless_set_again()
    {
        var model = _temp.Combine("model");
        Assert.Equal(ExitCodes.Success, Run("train", "--plugins", _misfits.BuildOutput, "--plugin", "remember", "--a", Input(("a.png", 4)),
            "--b", Input(("a.png", 4)), "--out", model, "--set", "level=0.2"));

        var input = Input(("wall.png", 4));
        Assert.Equal(ExitCodes.Success, Run("convert", "--plugins", _misfits.BuildOutput, "--model", model, "--input", input, "--output", _temp.Combine("kept")));
        Assert.Equal(ExitCodes.Success, Run("convert", "--plugins", _misfits.BuildOutput, "--model", model, "--input", input, "--output", _temp.Combine("reset"),
            "--set", "level=0.8"));

        using var kept = Image.Load<Rgb24>(Path.Combine(_temp.Combine("kept"), "wall.png"));
        using var reset = Image.Load<Rgb24>(Path.Combine(_temp.Combine("reset"), "wall.png"));
        Assert.Equal(51, kept[0, 0].R);
        Assert.Equal(204, reset[0, 0].R);
    }

    [Fact]
    public void Given_a_pipeline_with_an_empty_or_tilde_model_When_validated_Then_each_error_is_located()
    {
        var file = _temp.Write("bad.yaml", $"""
            name: bad
            run_dir: {_temp.Combine("run")}
            steps:
              - kind: convert
                id: empty
                plugin: remember
                model: ""
                input: {Input(("a.png", 4))}
                output: {_temp.Combine("out1")}
              - kind: convert
                id: tilde
                plugin: remember
                model: ~
                input: {Input(("a.png", 4))}
                output: {_temp.Combine("out2")}
              - kind: convert
                id: needless
                plugin: gray
                model: {_temp.Path}
                input: {Input(("a.png", 4))}
                output: {_temp.Combine("out3")}
            """);

        var exit = Run("validate", file, "--plugins", _misfits.BuildOutput);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("bad.yaml:7:12: 'model' of step 'empty' is empty", _error.Output);
        Assert.Contains("bad.yaml:13:12: 'model' of step 'tilde' is empty ('~')", _error.Output);
        Assert.Contains("bad.yaml:19:12: plugin 'gray' needs no model, so step 'needless' takes no 'model'", _error.Output);
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "~")));
    }

    [Fact]
    public void Given_a_pipeline_that_trains_one_plugin_When_a_later_step_converts_with_one_that_needs_no_model_Then_both_run()
    {
        var run = _temp.Combine("run");
        var file = _temp.Write("two.yaml", $"""
            name: two
            run_dir: {run}
            steps:
              - kind: train
                plugin: remember
                a: {Input(("a.png", 4))}
                b: {Input(("a.png", 4))}
                out: {run}/model
                options:
                  level: 0.2
              - kind: convert
                plugin: hang
                input: {Input(("a.png", 4))}
                output: {_temp.Combine("copied")}
            """);

        var exit = Run("run", file, "--plugins", _misfits.BuildOutput);

        Assert.True(exit == ExitCodes.Success, _error.Output);
        Assert.True(File.Exists(Path.Combine(_temp.Combine("copied"), "a.png")));
        Assert.Contains("with hang (no model)", _error.Output);
    }

    [Fact]
    public void Given_a_plugin_that_writes_its_model_into_the_training_folder_When_a_pipeline_trains_into_the_run_folder_Then_the_step_names_the_out_to_set()
    {
        // Given 'remember', whose model is the folder it trains into, and a train step with the default 'out' (the run folder)
        var run = _temp.Combine("run");
        var file = _temp.Write("own.yaml", $"""
            name: own
            run_dir: {run}
            steps:
              - kind: train
                plugin: remember
                a: {Input(("a.png", 4))}
                b: {Input(("a.png", 4))}
            """);

        // When the pipeline runs
        var exit = Run("run", file, "--plugins", _misfits.BuildOutput);

        // Then the step fails with the 'out:' that gives the model a folder of its own (a model folder is fingerprinted file by file)
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("plugin 'remember' wrote its model into the training folder itself", _error.Output);
        Assert.Contains($"set 'out: \"{Path.Combine(run, "model")}\"'", _error.Output);
    }

    [Fact]
    public void Given_a_rebuilt_plugin_with_the_same_version_When_converting_again_Then_its_outputs_convert_again()
    {
        var rebuilt = _temp.Combine("rebuilt");
        Directory.CreateDirectory(rebuilt);
        foreach (var file in Directory.EnumerateFiles(_misfits.BuildOutput))
        {
            File.Copy(file, Path.Combine(rebuilt, Path.GetFileName(file)));
        }
        // Bytes after the last section change the file, not what loads: a rebuild whose author kept the version.
        File.AppendAllText(Path.Combine(rebuilt, "Misfits.dll"), "rebuilt");
        var input = Input(("wall.png", 4));
        var output = _temp.Combine("out");
        string ConvertWith(string plugins)
        {
            var mark = _error.Output.Length;
            Assert.Equal(ExitCodes.Success, Run("convert", "--plugins", plugins, "--plugin", "hang", "--input", input, "--output", output));
            return _error.Output[mark..];
        }

        Assert.Contains("converted 1, skipped 0", ConvertWith(_misfits.BuildOutput));
        Assert.Contains("converted 0, skipped 1", ConvertWith(_misfits.BuildOutput));
        Assert.Contains("converted 1, skipped 0", ConvertWith(rebuilt));
        var manifest = File.ReadAllText(Path.Combine(output, ".styleforge-manifest.json"));
        var rebuiltHash = ContentHash.OfFile(Path.Combine(rebuilt, "Misfits.dll"));
        Assert.Contains($"\"assembly_hash\": \"{rebuiltHash}\"", manifest);
        Assert.Contains("\"name\": \"hang\"", manifest);
    }

    [SkippableFact]
    public void Given_a_plugin_that_hangs_When_Ctrl_C_Then_the_host_exits_130_with_the_finished_files_in_the_manifest()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGINT is sent with kill(1)");
        var input = Input(("a.png", 4), ("b.png", 3));
        var output = _temp.Combine("out");
        var marker = _temp.Combine("hanging");
        // A child inherits ignored signals: a test run started in the background by a non-interactive shell (or under
        // nohup) ignores SIGINT, and so would the host, which would then never see the Ctrl+C this test sends. env
        // restores SIGINT's default before it runs the host (in the same process, so child.Id is the host's).
        var start = new ProcessStartInfo("env",
            $"--default-signal=INT dotnet \"{RepoLayout.HostDll}\" convert --plugins \"{_misfits.BuildOutput}\" --plugin hang --input \"{input}\" --output \"{output}\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["MISFITS_HANG_MARKER"] = marker;
        using var child = Process.Start(start)!;
        var error = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!File.Exists(marker) && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            Thread.Sleep(10);
        }
        Assert.True(File.Exists(marker), "the plugin never started hanging: " + (child.HasExited ? error.Result : "still running"));

        using (var kill = Process.Start("kill", $"-INT {child.Id}"))
        {
            kill.WaitForExit();
        }
        var exited = child.WaitForExit(TimeSpan.FromSeconds(30));
        if (!exited)
        {
            child.Kill();
        }

        Assert.True(exited, "the host did not exit after Ctrl+C");
        Assert.Equal(ExitCodes.Cancelled, child.ExitCode);
        _ = stdout.Result;
        Assert.Contains("plugin 'hang' did not stop", error.Result);
        var manifest = File.ReadAllText(Path.Combine(output, ".styleforge-manifest.json"));
        Assert.Contains("\"a.png\"", manifest);
        Assert.DoesNotContain("\"b.png\"", manifest);
    }

    private const string MisfitSources = """
        using StyleForge.Plugins;

        [assembly: StyleForgePlugin(typeof(Misfits.NonFinite))]
        [assembly: StyleForgePlugin(typeof(Misfits.Gray))]
        [assembly: StyleForgePlugin(typeof(Misfits.Nothing))]
        [assembly: StyleForgePlugin(typeof(Misfits.Throws))]
        [assembly: StyleForgePlugin(typeof(Misfits.Hang))]
        [assembly: StyleForgePlugin(typeof(Misfits.Elsewhere))]
        [assembly: StyleForgePlugin(typeof(Misfits.Remember))]
        [assembly: StyleForgePlugin(typeof(Misfits.YamlOld))]
        [assembly: StyleForgePlugin(typeof(Misfits.Api20))]
        [assembly: StyleForgePlugin(typeof(Misfits.CrashTrain))]

        namespace Misfits;

        public abstract class Simple : IStylizerPlugin
        {
            protected Simple(string name) => Descriptor = new(name, "0.1.0", PluginApi.Current, "misbehaves", Array.Empty<PluginOption>());
            public PluginDescriptor Descriptor { get; protected init; }
            public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context) =>
                request.ModelDirectory is null ? Create() : throw new PluginException("expected no model folder");
            protected abstract IStylizer Create();
        }

        public sealed class Lambda : IStylizer
        {
            private readonly Func<TextureBuffer, TextureBuffer> _f;
            public Lambda(Func<TextureBuffer, TextureBuffer> f) => _f = f;
            /// <summary>A well-behaved stylizer, for plugins whose misbehaviour lies elsewhere: returns a copy of its input.</summary>
            public static Lambda Identity() => new(rgb => new TextureBuffer(rgb.Width, rgb.Height, 3, (float[])rgb.Pixels.Clone()));
            public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation) => _f(rgb);
            public void Dispose() { }
        }

        public sealed class NonFinite : Simple
        {
            public NonFinite() : base("nonfinite") { }
            protected override IStylizer Create() => new Lambda(rgb => { var o = new TextureBuffer(rgb.Width, rgb.Height, 3); o.Pixels[0] = float.NaN; return o; });
        }

        public sealed class Gray : Simple
        {
            public Gray() : base("gray") { }
            protected override IStylizer Create() => new Lambda(rgb => new TextureBuffer(rgb.Width, rgb.Height, 1));
        }

        public sealed class Nothing : Simple
        {
            public Nothing() : base("nothing") { }
            protected override IStylizer Create() => new Lambda(rgb => null!);
        }

        public sealed class Throws : Simple
        {
            public Throws() : base("throws") { }
            protected override IStylizer Create() => new Throwing();
        }

        public sealed class Throwing : IStylizer
        {
            public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation) =>
                throw new InvalidOperationException("lookup table missing");
            public void Dispose() { }
        }

        /// <summary>Copies textures, but never returns from one 3 pixels wide, and ignores cancellation.</summary>
        public sealed class Hang : Simple
        {
            public Hang() : base("hang") { }
            protected override IStylizer Create() => new Lambda(rgb =>
            {
                if (rgb.Width == 3)
                {
                    File.WriteAllText(Environment.GetEnvironmentVariable("MISFITS_HANG_MARKER")!, "hanging");
                    Thread.Sleep(Timeout.Infinite);
                }
                return new TextureBuffer(rgb.Width, rgb.Height, 3, (float[])rgb.Pixels.Clone());
            });
        }

        public sealed class Api20 : Simple
        {
            public Api20() : base("api20") => Descriptor = Descriptor with { ApiVersion = new PluginApiVersion(2, 0) };
            protected override IStylizer Create() => Lambda.Identity();
        }

        public sealed class YamlOld : Simple
        {
            public YamlOld() : base("yamlold") =>
                Descriptor = Descriptor with { Description = $"YamlDotNet {typeof(YamlDotNet.Serialization.Deserializer).Assembly.GetName().Version}" };
            protected override IStylizer Create() => Lambda.Identity();
        }

        /// <summary>Returns a sibling of the folder it was given, without creating it.</summary>
        public sealed class Elsewhere : ITrainableStylizerPlugin
        {
            public PluginDescriptor Descriptor { get; } = new("elsewhere", "0.1.0", PluginApi.Current, "trains elsewhere", Array.Empty<PluginOption>());
            public TrainingResult Train(TrainingRequest request, IPluginContext context) =>
                new(Path.Combine(request.OutputDirectory, "..", "elsewhere"), 1, new Dictionary<string, double>());
            public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context) => Lambda.Identity();
        }

        public sealed class CrashTrain : ITrainableStylizerPlugin
        {
            public PluginDescriptor Descriptor { get; } = new("crashtrain", "0.1.0", PluginApi.Current, "crashes in Train", Array.Empty<PluginOption>());
            public TrainingResult Train(TrainingRequest request, IPluginContext context) => throw new InvalidOperationException("out of sheep");
            public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context) => Lambda.Identity();
        }

        /// <summary>Paints every pixel with its 'level' option, to show which value a conversion got.</summary>
        public sealed class Remember : ITrainableStylizerPlugin
        {
            public PluginDescriptor Descriptor { get; } = new("remember", "0.1.0", PluginApi.Current, "paints its level",
                new[] { new PluginOption("level", PluginOptionType.Number, "0.5", "grey level") { Minimum = 0, Maximum = 1 } });
            public TrainingResult Train(TrainingRequest request, IPluginContext context)
            {
                File.WriteAllText(Path.Combine(request.OutputDirectory, "weights.txt"), "none");
                return new(request.OutputDirectory, 1, new Dictionary<string, double>());
            }
            public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context)
            {
                var level = (float)request.Options.GetNumber("level");
                return new Lambda(rgb => new TextureBuffer(rgb.Width, rgb.Height, 3, Enumerable.Repeat(level, rgb.Pixels.Length).ToArray()));
            }
        }
        """;
}
