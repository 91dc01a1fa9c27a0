using System.Text.Json;
using Spectre.Console.Testing;
using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;
using StyleForge.Tests;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary><c>styleforge bench</c> through the real CLI and the real ColorTransfer plugin (fast enough for a test).</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void Given_no_model_When_bench_convert_runs_Then_it_initialises_one_and_prints_rates_ratio_and_peak_rss_as_json()
    {
        var (exit, output, _) = Run("bench", "convert", "--plugin", "colortransfer", "--sizes", "48,64", "--files", "2", "--plugins", RepoLayout.HostPlugins);

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("colortransfer", json.GetProperty("plugin").GetString());
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(new[] { 48, 64 }, results.Select(r => r.GetProperty("size").GetInt32()));
        foreach (var result in results)
        {
            var endToEnd = result.GetProperty("end_to_end_megapixels_per_second").GetDouble();
            var network = result.GetProperty("network_megapixels_per_second").GetDouble();
            Assert.True(endToEnd > 0 && network > 0);
            Assert.Equal(endToEnd / network, result.GetProperty("ratio").GetDouble(), 9);
            Assert.True(result.GetProperty("peak_rss_mib").GetDouble() > 10);
        }
    }

    [Fact]
    public void Given_a_folder_of_textures_When_bench_dds_runs_Then_each_format_and_mode_has_psnr_and_rate_and_the_targets_are_judged()
    {
        using var temp = new TempFolder();
        var folder = temp.Combine("textures");
        TestImages.Write(Path.Combine(folder, "a.png"), new SixLabors.ImageSharp.Formats.Png.PngEncoder(), 64, 64);
        TestImages.Write(Path.Combine(folder, "b.png"), new SixLabors.ImageSharp.Formats.Png.PngEncoder(), 72, 64);
        TestImages.Write(Path.Combine(folder, "small.png"), new SixLabors.ImageSharp.Formats.Png.PngEncoder(), 32, 32);

        var (exit, output, error) = Run("bench", "dds", "--textures", folder, "--large-side", "0", "--no-reference");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, json.GetProperty("images").GetInt32());
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(new[] { "bc1", "bc1", "bc3", "bc3", "bc4", "bc4", "bc5", "bc5", "bc7", "bc7" }, results.Select(r => r.GetProperty("format").GetString()));
        Assert.All(results, r => Assert.InRange(r.GetProperty("psnr_mean_db").GetDouble(), 25, 99));
        Assert.All(results, r => Assert.True(r.GetProperty("megapixels_per_second").GetDouble() > 0));
        var targets = json.GetProperty("targets");
        Assert.Contains(targets.GetProperty("bc7_quality_at_least_42_db").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        // Without nvcompress there is no reference to judge BC1 against: null, not a guess.
        Assert.Equal(JsonValueKind.Null, targets.GetProperty("bc1_quality_within_0_3_db_of_nvcompress").ValueKind);
    }

    [Fact]
    public void Given_encoders_named_When_bench_dds_runs_Then_only_those_run_and_the_other_targets_are_null()
    {
        using var temp = new TempFolder();
        var folder = temp.Combine("textures");
        TestImages.Write(Path.Combine(folder, "a.png"), new SixLabors.ImageSharp.Formats.Png.PngEncoder(), 64, 64);

        var (exit, output, error) = Run("bench", "dds", "--textures", folder, "--large-side", "0", "--no-reference", "--encoders", "bc1_fast");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        var result = Assert.Single(json.GetProperty("results").EnumerateArray());
        Assert.Equal(("bc1", "fast"), (result.GetProperty("format").GetString(), result.GetProperty("mode").GetString()));
        var targets = json.GetProperty("targets");
        Assert.Contains(targets.GetProperty("bc1_fast_at_least_20_mp_per_s").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal(JsonValueKind.Null, targets.GetProperty("bc7_quality_at_least_42_db").ValueKind);
        Assert.Equal(JsonValueKind.Null, targets.GetProperty("bc7_fast_at_least_2_mp_per_s").ValueKind);
    }

    [Fact]
    public void Given_an_unknown_encoder_When_bench_dds_runs_Then_it_is_a_usage_error_listing_the_known_ones()
    {
        var (exit, _, error) = Run("bench", "dds", "--encoders", "bc9_fast", "--no-reference");

        Assert.Equal(2, exit);
        Assert.Contains("unknown encoder 'bc9_fast'", error);
        Assert.Contains("bc1_fast", error);
    }

    [Fact]
    public void Given_a_missing_texture_folder_When_bench_dds_runs_Then_it_is_a_usage_error_naming_the_folder()
    {
        var (exit, _, error) = Run("bench", "dds", "--textures", "/nonexistent/textures", "--no-reference");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/textures", error);
    }

    [Fact]
    public void Given_a_benchmark_no_plugin_offers_When_run_Then_usage_error_lists_what_is_available()
    {
        var (exit, _, error) = Run("bench", "nosuch", "--size", "64", "--plugins", RepoLayout.HostPlugins);

        Assert.Equal(2, exit);
        Assert.Contains("no benchmark named 'nosuch'", error);
        Assert.Contains("convert (host)", error);
    }

    [Fact]
    public void Given_a_benchmark_name_a_plugin_offers_When_run_with_its_flags_Then_the_plugins_json_is_printed()
    {
        var (exit, output, error) = Run("bench", "train", "--size", "32", "--ngf", "4", "--ndf", "4", "--blocks", "1", "--iters", "1", "--warmup", "0",
            "--plugins", RepoLayout.HostPlugins);

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Contains("cyclegan", error);
    }

    [Fact]
    public void Given_plugin_benchmark_flags_When_separated_and_parsed_Then_they_reach_the_plugin_as_key_value_pairs()
    {
        var separated = BenchCommand.SeparatePluginArguments(new[] { "bench", "train", "--size", "64", "--plugins", "p", "--ngf=32", "--quick" });

        Assert.Equal(new[] { "bench", "train", "--plugins", "p", "--", "--size", "64", "--ngf=32", "--quick" }, separated);
        Assert.Equal(new Dictionary<string, string> { ["size"] = "64", ["ngf"] = "32", ["quick"] = "true" },
            BenchCommand.ParsePluginArguments(separated.Skip(5).ToList()));
        Assert.Equal(new[] { "bench", "convert", "--sizes", "64" }, BenchCommand.SeparatePluginArguments(new[] { "bench", "convert", "--sizes", "64" }));
        Assert.Equal(new[] { "convert", "--model", "m" }, BenchCommand.SeparatePluginArguments(new[] { "convert", "--model", "m" }));
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new TestConsole().Width(80);
        var error = new TestConsole().Width(200);
        var exit = StyleForgeApp.Create(new HostConsole(error, output)).Run(StyleForgeApp.NormalizeArguments(args));
        return (exit, output.Output, error.Output);
    }
}
