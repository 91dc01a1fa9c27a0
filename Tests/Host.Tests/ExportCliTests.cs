using System.Text.Json;
using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using StyleForge.Engine.Textures;
using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;
using Xunit;

namespace StyleForge.Host.Tests;

/// <summary>
/// A tiny model trained once through the real CLI (a child process), then exported and converted through the onnx
/// plugin as a user would: train, export, convert --plugin onnx; and every refusal of export with exit 2.
/// </summary>
public sealed class ExportCliTests : IClassFixture<ExportCliTests.TrainedModel>
{
    private readonly TrainedModel _trained;

    public ExportCliTests(TrainedModel trained) => _trained = trained;

    /// <summary>Sample data and a cyclegan model of 2 iterations (ngf 4, one block, 32 px), shared by the tests.</summary>
    public sealed class TrainedModel : IDisposable
    {
        private static readonly string[] TinyModel =
            ["iterations=2", "ngf=4", "ndf=4", "blocks=1", "crop_size=32", "load_size=32", "threads=1", "device=cpu", "pool_size=2", "sample_every=1000"];

        internal TempFolder Temp { get; } = new();

        public TrainedModel()
        {
            var (exit, error) = Run($"sample daynight --out \"{Data}\" --count 4 --test-count 3 --size 32");
            Assert.True(exit == 0, error);
            var sets = string.Join(" ", TinyModel.Select(o => $"--set {o}"));
            (exit, error) = Run($"train --a \"{Data}/trainA\" --b \"{Data}/trainB\" --out \"{Run1}\" {sets}");
            Assert.True(exit == 0, error);
        }

        public string Data => Temp.Combine("data");

        public string Run1 => Temp.Combine("run");

        public void Dispose() => Temp.Dispose();
    }

    [Fact]
    public void Given_a_trained_model_When_exported_and_converted_with_the_onnx_plugin_Then_the_textures_match_the_cyclegan_plugins()
    {
        // When the model is exported and both plugins convert the same folder
        var file = _trained.Temp.Combine("export", "day2night.onnx");
        var (exit, error) = Run($"export --model \"{_trained.Run1}\" --out \"{file}\"");
        Assert.True(exit == 0, error);
        var viaOnnx = _trained.Temp.Combine("via-onnx");
        var viaTorch = _trained.Temp.Combine("via-torch");
        (exit, error) = Run($"convert --plugin onnx --set model=\"{file}\" --input \"{_trained.Data}/testA\" --output \"{viaOnnx}\"");
        Assert.True(exit == 0, error);
        (exit, error) = Run($"convert --model \"{_trained.Run1}\" --input \"{_trained.Data}/testA\" --output \"{viaTorch}\"");
        Assert.True(exit == 0, error);

        // Then every texture is written by both, at its size, and the two agree to 8-bit rounding
        var inputs = Directory.GetFiles(Path.Combine(_trained.Data, "testA"), "*.png").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(3, inputs.Length);
        Assert.Equal(inputs, Directory.GetFiles(viaOnnx, "*.png").Select(Path.GetFileName).Order().ToArray());
        foreach (var name in inputs)
        {
            var onnx = TextureCodec.Decode(Path.Combine(viaOnnx, name!));
            var torch = TextureCodec.Decode(Path.Combine(viaTorch, name!));
            Assert.Equal((32, 32), (onnx.Width, onnx.Height));
            var worst = onnx.Pixels.Zip(torch.Pixels, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1.01f / 255, $"{name}: the onnx plugin's output differs from the cyclegan plugin's by {worst * 255:F2}/255");
        }
    }

    [Fact]
    public void Given_exports_with_and_without_seamless_When_converting_seamless_and_not_Then_every_combination_writes_every_texture()
    {
        // Given the reflect and the seamless export (opsets 11 and 21, the ends of the range)
        var reflect = _trained.Temp.Combine("export", "reflect.onnx");
        var seamless = _trained.Temp.Combine("export", "seamless.onnx");
        var (exit, error) = Run($"export --model \"{_trained.Run1}\" --out \"{reflect}\" --opset 11");
        Assert.True(exit == 0, error);
        (exit, error) = Run($"export --model \"{_trained.Run1}\" --out \"{seamless}\" --opset 21 --seamless");
        Assert.True(exit == 0, error);

        // When each converts with and without --seamless, then all three textures are written each time
        foreach (var (file, flag) in new[] { (reflect, ""), (reflect, "--seamless"), (seamless, "--seamless"), (seamless, "") })
        {
            var output = _trained.Temp.Combine($"conv-{Path.GetFileNameWithoutExtension(file)}{flag}");
            (exit, error) = Run($"convert --plugin onnx --set model=\"{file}\" --input \"{_trained.Data}/testA\" --output \"{output}\" {flag}");
            Assert.True(exit == 0, $"{file} {flag}: {error}");
            Assert.Equal(3, Directory.GetFiles(output, "*.png").Length);
        }
    }

    [Theory]
    [InlineData("--opset 10", "--opset 10: plugin 'cyclegan' writes onnx versions 11 to 21 (default 15)")]
    [InlineData("--opset 22", "--opset 22: plugin 'cyclegan' writes onnx versions 11 to 21 (default 15)")]
    [InlineData("--format tflite", "plugin 'cyclegan' cannot write format 'tflite'; it writes onnx")]
    public void Given_a_format_or_version_the_plugin_does_not_write_When_exporting_Then_exit_2_names_what_it_writes(string flags, string message)
    {
        var file = _trained.Temp.Combine("refused.onnx");

        var (exit, error) = Run($"export --model \"{_trained.Run1}\" --out \"{file}\" {flags}");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(message, error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Given_a_one_sided_model_When_exporting_b2a_Then_exit_2_says_it_holds_a2b_only()
    {
        // Given a copy of the model with only the A-to-B generator, as a CUT model is
        var oneSided = _trained.Temp.Combine("one-sided");
        foreach (var path in Directory.GetFiles(_trained.Run1, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(oneSided, Path.GetRelativePath(_trained.Run1, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
        File.Delete(Path.Combine(oneSided, "model", "G_B.pt"));

        var (exit, error) = Run($"export --model \"{oneSided}\" --direction b2a --out \"{_trained.Temp.Combine("b2a.onnx")}\"");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("has no b2a mapping: it holds a2b only; export with --direction a2b", error);
    }

    [Fact]
    public void Given_a_model_of_a_plugin_without_export_When_exporting_Then_exit_2_says_so()
    {
        var model = _trained.Temp.Combine("colors");
        var (exit, error) = Run($"train --plugin colortransfer --a \"{_trained.Data}/trainA\" --b \"{_trained.Data}/trainB\" --out \"{model}\"");
        Assert.True(exit == 0, error);

        (exit, error) = Run($"export --model \"{model}\" --out \"{_trained.Temp.Combine("colors.onnx")}\"");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("plugin 'colortransfer' cannot export its models: it offers no export format", error);
    }

    [SkippableFact]
    public void Given_a_reference_PyTorch_generator_When_imported_Then_it_converts_and_exports_like_a_trained_model()
    {
        // Given a state dict written by PyTorch with the reference generator definition
        var written = _trained.Temp.Combine("pytorch");
        StyleForge.Onnx.Tests.ReferencePython.WriteGenerator(written, ngf: 4, blocks: 2, seed: 9, width: 32, height: 32);
        var run = _trained.Temp.Combine("imported");

        // When imported as b2a, converted with its run folder, and exported
        var (exit, error) = Run($"import --from-pytorch \"{written}/net_G.pth\" --direction b2a --out \"{run}\"");
        Assert.True(exit == 0, error);
        Assert.Contains("ngf 4, 2 blocks", error);
        var converted = _trained.Temp.Combine("imported-converted");
        (exit, error) = Run($"convert --model \"{run}\" --direction b2a --input \"{_trained.Data}/trainB\" --output \"{converted}\"");
        Assert.True(exit == 0, error);
        var file = _trained.Temp.Combine("imported.onnx");
        (exit, error) = Run($"export --model \"{run}\" --direction b2a --out \"{file}\"");
        Assert.True(exit == 0, error);

        // Then every texture is converted, the export exists, and a2b (never imported) is refused by name
        Assert.Equal(Directory.GetFiles(Path.Combine(_trained.Data, "trainB"), "*.png").Length, Directory.GetFiles(converted, "*.png").Length);
        Assert.True(new FileInfo(file).Length > 4 * 4 * 9 * 4);
        (exit, error) = Run($"export --model \"{run}\" --out \"{_trained.Temp.Combine("a2b.onnx")}\"");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("has no a2b mapping: it holds b2a only", error);
    }

    [Fact]
    public void Given_a_state_dict_that_does_not_fit_When_imported_Then_exit_2_names_the_file()
    {
        var file = _trained.Temp.Combine("latest_net_G.pth");
        File.WriteAllText(file, "not a state dict");

        var (exit, error) = Run($"import --from-pytorch \"{file}\" --out \"{_trained.Temp.Combine("bad-import")}\"");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{file} is not a PyTorch state dict this reader understands", error);
    }

    [Fact]
    public void Given_a_model_and_its_export_When_bench_convert_names_the_onnx_plugin_Then_both_are_measured_side_by_side_in_one_json()
    {
        var file = _trained.Temp.Combine("export", "bench.onnx");
        var (exit, error) = Run($"export --model \"{_trained.Run1}\" --out \"{file}\"");
        Assert.True(exit == 0, error);
        var output = new TestConsole().Width(250);
        var errors = new TestConsole().Width(250);

        exit = StyleForgeApp.Create(new HostConsole(errors, output)).Run(StyleForgeApp.NormalizeArguments(
            ["bench", "convert", "--model", _trained.Run1, "--plugin", "onnx", "--set", $"model={file}", "--sizes", "32", "--files", "1", "--plugins", RepoLayout.HostPlugins]));

        Assert.True(exit == 0, errors.Output);
        using var json = JsonDocument.Parse(output.Output);
        var runs = json.RootElement.GetProperty("side_by_side").EnumerateArray().ToList();
        Assert.Equal(["onnx", "cyclegan"], runs.Select(r => r.GetProperty("plugin").GetString()));
        Assert.All(runs, r => Assert.True(r.GetProperty("results")[0].GetProperty("network_megapixels_per_second").GetDouble() > 0));
    }

    private static (int Exit, string Error) Run(string arguments)
    {
        var (exit, error) = HostProcess.Run("dotnet", $"\"{RepoLayout.HostDll}\" {arguments}");
        // The console wraps long messages at its width; join the lines so phrases can be matched whole.
        return (exit, Regex.Replace(error, @"\s+", " "));
    }
}
