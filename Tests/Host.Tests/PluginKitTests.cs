using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>
/// The third-party path of docs/plugins.md, from a clean folder: pack the contract to a local
/// package folder, install the template package, <c>dotnet new styleforge-plugin -n Posterize</c>,
/// <c>dotnet publish</c> with the template's profile, then convert with the built host, by the CLI
/// and by a pipeline. Nothing can be published from here, so NuGet resolves the contract from that
/// folder through a nuget.config, as a third party with a private feed would.
/// </summary>
public sealed class PluginKitTests : IClassFixture<PluginKitTests.PublishedPosterize>
{
    private readonly PublishedPosterize _kit;

    public PluginKitTests(PublishedPosterize kit) => _kit = kit;

    public sealed class PublishedPosterize : IDisposable
    {
        private readonly TempFolder _temp = new();

        public PublishedPosterize()
        {
            var feed = _temp.Combine("feed");
            // A version of its own per run: NuGet caches packages by version, and a stale 1.0.0 from an
            // earlier run of a changed contract would hide the change. The assembly version stays the API version.
            ContractVersion = $"{PluginApi.Major}.{PluginApi.Minor}.0-kit.{Guid.NewGuid():N}"[..24];
            var suffix = ContractVersion[(ContractVersion.IndexOf('-') + 1)..];
            // ArtifactsPath: packing must not rebuild the repository's own outputs under the running tests.
            var build = _temp.Combine("build");
            // Independent steps run side by side: most of their time is dotnet's start-up and restore, not CPU.
            Both(() => Dotnet(RepoLayout.Root, $"pack Plugins.Abstractions/Plugins.Abstractions.csproj -o \"{feed}\" -p:VersionSuffix={suffix} -p:ArtifactsPath=\"{build}/contract\" -nologo"),
                () => Dotnet(RepoLayout.Root, $"pack Plugins.Abstractions/Template/StyleForge.Plugins.Templates.csproj -o \"{feed}\" -p:ArtifactsPath=\"{build}/template\" -nologo"));
            ContractPackage = Path.GetFileName(Directory.GetFiles(feed, "StyleForge.Plugins.Abstractions.*.nupkg").Single());

            var work = _temp.Combine("work");
            Directory.CreateDirectory(work);
            File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="styleforge-local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            // A hive of its own, so the test neither needs nor changes the user's installed templates.
            var hive = $"--debug:custom-hive \"{_temp.Combine("hive")}\"";
            var template = Directory.GetFiles(feed, "StyleForge.Plugins.Templates.*.nupkg").Single();
            Dotnet(work, $"new install \"{template}\" {hive}");
            Dotnet(work, $"new styleforge-plugin -n Posterize --contract-version {ContractVersion} {hive}");
            Dotnet(work, $"new styleforge-plugin -n MeanShift --trainable --contract-version {ContractVersion} {hive}");
            Project = Path.Combine(work, "Posterize");
            // The trainable skeleton is checked by its own generated tests: they train it and convert both ways.
            var trainableTests = "";
            Both(() => Dotnet(Project, "publish src/Posterize -p:PublishProfile=StyleForge -nologo"),
                () => trainableTests = Dotnet(Path.Combine(work, "MeanShift"), "test tests/MeanShift.Tests -nologo"));
            TrainableTestOutput = trainableTests;

            Input = _temp.Combine("in");
            Directory.CreateDirectory(Input);
            using var image = new Image<Rgb24>(4, 2);
            image[0, 0] = new Rgb24(10, 100, 200);
            image[1, 0] = new Rgb24(250, 140, 60);
            image.SaveAsPng(Path.Combine(Input, "wall.png"));
        }

        public string ContractVersion { get; }

        /// <summary>What <c>dotnet test</c> printed for the project <c>--trainable</c> created.</summary>
        public string TrainableTestOutput { get; }

        public string ContractPackage { get; }

        /// <summary>The folder dotnet new created.</summary>
        public string Project { get; }

        public string PluginsRoot => Path.Combine(Project, "plugins");

        public string Input { get; }

        public string Combine(string name) => _temp.Combine(name);

        public string Write(string relative, string text) => _temp.Write(relative, text);

        public void Dispose() => _temp.Dispose();

        private static void Both(Action first, Action second)
        {
            try
            {
                Task.WaitAll(Task.Run(first), Task.Run(second));
            }
            catch (AggregateException ex)
            {
                throw new InvalidOperationException(string.Join("\n", ex.InnerExceptions.Select(e => e.Message)));
            }
        }

        private static string Dotnet(string directory, string arguments)
        {
            var start = new ProcessStartInfo("dotnet", arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet {arguments} (in {directory}) failed with exit {process.ExitCode}:\n{output.Result}\n{error}");
            }
            return output.Result;
        }
    }

    [Fact]
    public void Given_the_packed_contract_Then_its_version_is_the_plugin_API_version()
    {
        Assert.StartsWith($"StyleForge.Plugins.Abstractions.{PluginApi.Major}.{PluginApi.Minor}.", _kit.ContractPackage);
    }

    [Fact]
    public void Given_the_trainable_template_When_its_generated_tests_run_Then_they_train_and_convert_and_pass()
    {
        Assert.Contains("Passed!", _kit.TrainableTestOutput);
        Assert.Contains("Failed:     0, Passed:     3", _kit.TrainableTestOutput);
    }

    [Fact]
    public void Given_the_published_template_Then_the_folder_is_the_one_the_host_loads_without_the_contract()
    {
        var folder = Path.Combine(_kit.PluginsRoot, "Posterize");

        Assert.True(File.Exists(Path.Combine(folder, "Posterize.dll")), $"no plugins/Posterize/Posterize.dll in {_kit.Project}");
        Assert.False(File.Exists(Path.Combine(folder, "StyleForge.Plugins.Abstractions.dll")), "the published plugin ships the contract, which the host supplies");
    }

    [Fact]
    public void Given_the_published_template_When_converting_by_plugin_name_Then_every_channel_is_posterized()
    {
        var output = _kit.Combine("out-cli");

        var (exit, error) = HostProcess.Run("dotnet",
            $"\"{RepoLayout.HostDll}\" convert --plugins \"{_kit.PluginsRoot}\" --plugin posterize --input \"{_kit.Input}\" --output \"{output}\" --set levels=2");

        Assert.True(exit == ExitCodes.Success, error);
        using var result = Image.Load<Rgb24>(Path.Combine(output, "wall.png"));
        Assert.Equal(new Rgb24(0, 0, 255), result[0, 0]);
        Assert.Equal(new Rgb24(255, 255, 0), result[1, 0]);
    }

    [Fact]
    public void Given_the_published_template_When_a_pipeline_converts_with_it_and_no_model_Then_its_options_apply()
    {
        var output = _kit.Combine("out-pipeline");
        var pipeline = _kit.Write("posterize.yaml", $"""
            name: posterize
            run_dir: {_kit.Combine("run")}
            steps:
              - kind: convert
                plugin: posterize
                input: {_kit.Input}
                output: {output}
                options:
                  levels: 3
            """);

        var (exit, error) = HostProcess.Run("dotnet", $"\"{RepoLayout.HostDll}\" run \"{pipeline}\" --plugins \"{_kit.PluginsRoot}\"");

        Assert.True(exit == ExitCodes.Success, error);
        using var result = Image.Load<Rgb24>(Path.Combine(output, "wall.png"));
        // Three levels are 0, 127.5 and 255: 100 and 140 both round to the middle one.
        Assert.Equal(new Rgb24(0, 128, 255), result[0, 0]);
        Assert.Equal(new Rgb24(255, 128, 0), result[1, 0]);
    }
}
