using System.Text.Json;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tga;
using Spectre.Console.Testing;
using StyleForge.Engine.Textures;
using StyleForge.Host.Cli;
using StyleForge.Host.Terminal;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>Convert with the real CycleGAN plugin: odd sizes come back at their size, in their layout, alpha untouched, both directions.</summary>
public sealed class CycleGanConversionTests : IClassFixture<CycleGanModelFixture>, IDisposable
{
    private readonly CycleGanModelFixture _model;
    private readonly TempFolder _temp = new();

    public CycleGanConversionTests(CycleGanModelFixture model) => _model = model;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("a2b")]
    [InlineData("b2a")]
    public void Given_odd_sized_textures_When_converted_with_cyclegan_Then_size_layout_and_alpha_are_kept(string direction)
    {
        var input = _temp.Combine("in");
        var output = _temp.Combine("out-" + direction);
        TestImages.Write(Path.Combine(input, "odd_rgba.png"), new PngEncoder { ColorType = PngColorType.RgbWithAlpha }, 61, 23);
        TestImages.Write(Path.Combine(input, "odd_gray16.png"), new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit16 }, 37, 29);
        TestImages.Write(Path.Combine(input, "odd.tga"), new TgaEncoder { BitsPerPixel = TgaBitsPerPixel.Pixel32 }, 33, 34);

        var console = new TestConsole().Width(80);
        var error = new TestConsole().Width(200);
        var exit = StyleForgeApp.Create(new HostConsole(error, console)).Run(new[]
        {
            "convert", "--model", _model.ModelDirectory, "--input", input, "--output", output, "--direction", direction,
            "--plugins", _model.PluginsRoot, "--device", "cpu", "--json",
        });

        Assert.True(exit == 0, error.Output);
        Assert.Equal(3, JsonDocument.Parse(console.Output).RootElement.GetProperty("converted").GetInt32());
        foreach (var name in new[] { "odd_rgba.png", "odd_gray16.png", "odd.tga" })
        {
            var source = Read(Path.Combine(input, name));
            var result = Read(Path.Combine(output, name));
            Assert.Equal((source.Pixels.Width, source.Pixels.Height, source.Layout.Channels, source.Layout.BitDepth),
                (result.Pixels.Width, result.Pixels.Height, result.Layout.Channels, result.Layout.BitDepth));
            if (source.Pixels.HasAlpha)
            {
                var c = source.Pixels.Channels;
                Assert.Equal(source.Pixels.Pixels.Where((_, i) => i % c == c - 1), result.Pixels.Pixels.Where((_, i) => i % c == c - 1));
            }
        }
    }

    private static DecodedTexture Read(string path) => TextureCodec.Read(path, File.ReadAllBytes(path), TextureCodec.DefaultMaxPixels);
}
