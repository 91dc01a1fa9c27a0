using System.Diagnostics;
using Spectre.Console.Testing;
using StyleForge.Engine.Catalog;
using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>
/// Builds a throwaway plugin project the way docs/plugins.md tells a third party to (it references
/// the Plugins.Abstractions project only), then loads and runs it through the host.
/// </summary>
public sealed class ThirdPartyPluginTests : IClassFixture<ThirdPartyPluginTests.BuiltPlugin>
{
    private readonly BuiltPlugin _plugin;

    public ThirdPartyPluginTests(BuiltPlugin plugin) => _plugin = plugin;

    public sealed class BuiltPlugin : IDisposable
    {
        private readonly TempFolder _temp = new();

        public BuiltPlugin()
        {
            var project = _temp.Write("src/Invert/Invert.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <EnableDynamicLoading>true</EnableDynamicLoading>
                    <OutputPath>{PluginsRoot}/Invert/</OutputPath>
                    <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{RepoLayout.Root}/Plugins.Abstractions/Plugins.Abstractions.csproj" Private="false" ExcludeAssets="runtime" />
                  </ItemGroup>
                </Project>
                """);
            _temp.Write("src/Invert/InvertPlugin.cs", """
                using StyleForge.Plugins;

                [assembly: StyleForgePlugin(typeof(Invert.InvertPlugin))]
                [assembly: StyleForgePlugin(typeof(Invert.FuturePlugin))]
                [assembly: StyleForgePlugin(typeof(Invert.BrokenPlugin))]

                namespace Invert;

                public sealed class InvertPlugin : IStylizerPlugin
                {
                    public PluginDescriptor Descriptor { get; } = new("invert", "0.1.0", PluginApi.Current, "Inverts colours.",
                        new[] { new PluginOption("amount", PluginOptionType.Number, "1", "How far to invert, 0 to 1.") { Minimum = 0, Maximum = 1 } });

                    public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context) => new Inverter((float)request.Options.GetNumber("amount"));

                    private sealed class Inverter : IStylizer
                    {
                        private readonly float _amount;
                        public Inverter(float amount) => _amount = amount;
                        public TextureBuffer Stylize(TextureBuffer rgb, StylizeSettings settings, CancellationToken cancellation)
                        {
                            var output = new TextureBuffer(rgb.Width, rgb.Height, rgb.Channels);
                            for (var i = 0; i < rgb.Pixels.Length; i++)
                            {
                                output.Pixels[i] = rgb.Pixels[i] + _amount * (1 - 2 * rgb.Pixels[i]);
                            }
                            return output;
                        }
                        public void Dispose() { }
                    }
                }

                public sealed class FuturePlugin : IStylizerPlugin
                {
                    public PluginDescriptor Descriptor { get; } = new("future", "9.0.0", new PluginApiVersion(2, 0), "Built for a later host.", Array.Empty<PluginOption>());
                    public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context) => new InvertPlugin().OpenStylizer(request, context);
                }

                public sealed class BrokenPlugin : IStylizerPlugin
                {
                    private readonly InvertPlugin _inner = new();
                    // Fails the way a real plugin does when its licence or native library is missing.
                    public BrokenPlugin() => throw new InvalidOperationException("licence file missing");
                    public PluginDescriptor Descriptor => _inner.Descriptor with { Name = "broken" };
                    public IStylizer OpenStylizer(StylizerRequest request, IPluginContext context) => _inner.OpenStylizer(request, context);
                }
                """);
            Build(project);
        }

        public string PluginsRoot => _temp.Combine("plugins");

        private static void Build(string project)
        {
            // BuildProjectReferences=false: the contract is already built by this test project's own build.
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
                throw new InvalidOperationException($"building the throwaway plugin failed:\n{output.Result}\n{error}");
            }
        }

        public void Dispose() => _temp.Dispose();
    }

    [Fact]
    public void Given_a_third_party_plugin_folder_When_the_catalog_loads_it_Then_it_runs_and_its_bad_siblings_are_reported_by_name()
    {
        using var catalog = PluginCatalog.Load(new[] { _plugin.PluginsRoot });

        var invert = Assert.Single(catalog.Plugins);
        Assert.Equal("invert", invert.Name);
        Assert.Equal(PluginApi.Current, invert.Descriptor.ApiVersion);

        var future = Assert.Single(catalog.Failures, f => f.Name == "future");
        Assert.Contains("plugin API 2.0", future.Reason);
        Assert.Contains($"API {PluginApi.Current}", future.Reason);
        var broken = Assert.Single(catalog.Failures, f => f.Reason.Contains("BrokenPlugin"));
        Assert.Contains("licence file missing", broken.Reason);

        var options = new OptionValues(new Dictionary<string, string> { ["amount"] = "1" });
        using var stylizer = invert.Instance.OpenStylizer(new StylizerRequest(null, TranslationDirection.AToB, options), null!);
        var input = new TextureBuffer(2, 1, 3, new[] { 0f, 0.25f, 1f, 0.5f, 0.75f, 0f });
        var output = stylizer.Stylize(input, new StylizeSettings(), CancellationToken.None);
        Assert.Equal(new[] { 1f, 0.75f, 0f, 0.5f, 0.25f, 1f }, output.Pixels);
    }

    [Fact]
    public void Given_the_plugin_folder_on_the_command_line_When_listing_plugins_Then_the_host_shows_it_with_its_options()
    {
        var output = new TestConsole().Width(200);
        var error = new TestConsole().Width(200);
        var exit = StyleForgeApp.Create(new HostConsole(error, output)).Run(new[] { "plugins", "--plugins", _plugin.PluginsRoot });

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains($"invert 0.1.0 (plugin API {PluginApi.Current})", output.Output);
        Assert.Contains("amount", output.Output);
        Assert.Contains("plugin 'future'", error.Output);
    }

    [Fact]
    public void Given_the_docs_example_When_converting_by_plugin_name_without_a_model_Then_the_texture_is_inverted_by_the_set_amount()
    {
        using var temp = new TempFolder();
        var input = temp.Combine("in");
        Directory.CreateDirectory(input);
        using (var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(2, 2, new(0, 255, 100)))
        {
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, Path.Combine(input, "wall.png"));
        }
        var output = new TestConsole().Width(200);
        var error = new TestConsole().Width(200);

        var exit = StyleForgeApp.Create(new HostConsole(error, output)).Run(new[]
        {
            "convert", "--plugins", _plugin.PluginsRoot, "--plugin", "invert", "--input", input, "--output", temp.Combine("out"), "--set", "amount=1",
        });

        Assert.True(exit == ExitCodes.Success, error.Output);
        Assert.Contains("with invert (no model)", error.Output);
        using var result = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(temp.Combine("out", "wall.png"));
        Assert.Equal(new SixLabors.ImageSharp.PixelFormats.Rgb24(255, 0, 155), result[0, 0]);
    }

    [Fact]
    public void Given_the_environment_variable_When_resolving_search_paths_Then_its_folders_follow_the_flag_folders()
    {
        var previous = Environment.GetEnvironmentVariable(PluginSearchPath.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(PluginSearchPath.EnvironmentVariable, $"/opt/a{Path.PathSeparator}/opt/b");
            var roots = PluginSearchPath.Resolve(new[] { "/srv/flag" });

            Assert.Equal(new[] { Path.Combine(AppContext.BaseDirectory, "plugins"), "/srv/flag", "/opt/a", "/opt/b" }, roots.Select(r => r.Path));
            Assert.Equal(new[] { PluginRoot.InTree, PluginRoot.Flag, PluginSearchPath.EnvironmentVariable, PluginSearchPath.EnvironmentVariable }, roots.Select(r => r.Origin));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PluginSearchPath.EnvironmentVariable, previous);
        }
    }
}
