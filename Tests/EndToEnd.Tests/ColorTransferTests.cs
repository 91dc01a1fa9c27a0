using System.Text.Json;
using StyleForge.Engine.Catalog;
using StyleForge.Engine.Runs;
using StyleForge.Engine.Textures;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.EndToEnd.Tests;

/// <summary>The ColorTransfer plugin, loaded through the host's catalog from the staged plugins folder like in a real run.</summary>
public sealed class ColorTransferTests : IDisposable
{
    private readonly PluginCatalog _catalog = PluginCatalog.Load(new[] { RepoLayout.HostPlugins });
    private readonly TempFolder _folder = new();
    private readonly TestConsole _console = new();

    private ITrainableStylizerPlugin Plugin =>
        Assert.IsAssignableFrom<ITrainableStylizerPlugin>(Assert.Single(_catalog.Plugins, p => p.Name == "colortransfer").Instance);

    private IPluginContext Context => new HostPluginContext(_console.Console, null, _folder.Path, new Progress<PluginProgress>(),
        CancellationToken.None, 0, "cpu");

    private static OptionValues Options(double strength = 1.0) =>
        new(new Dictionary<string, string> { ["strength"] = strength.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static TextureBuffer Texture(int size, Func<int, int, (float R, float G, float B)> color)
    {
        var texture = new TextureBuffer(size, size, 3);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var (r, g, b) = color(x, y);
                texture.Pixels[texture.IndexOf(x, y, 0)] = r;
                texture.Pixels[texture.IndexOf(x, y, 1)] = g;
                texture.Pixels[texture.IndexOf(x, y, 2)] = b;
            }
        }
        return texture;
    }

    private TextureFolder Folder(string name, params TextureBuffer[] textures)
    {
        for (var i = 0; i < textures.Length; i++)
        {
            var texture = textures[i];
            AtomicFile.Write(_folder.Combine(name, $"t{i}.png"), s => TextureCodec.SavePng(texture, s));
        }
        return TextureFolder.Open(_folder.Combine(name));
    }

    [Fact]
    public void A_flat_colour_of_domain_A_becomes_the_flat_colour_of_domain_B_and_back()
    {
        // Given domain A all one orange and domain B all one dark blue (variation zero in both).
        var orange = (0.8f, 0.5f, 0.2f);
        var blue = (0.1f, 0.15f, 0.35f);
        var a = Folder("a", Texture(8, (_, _) => orange), Texture(8, (_, _) => orange));
        var b = Folder("b", Texture(8, (_, _) => blue));
        var model = _folder.Combine("model");

        // When trained and applied both ways.
        var result = Plugin.Train(new TrainingRequest(a, b, model, false, Options()), Context);
        using var toB = Plugin.OpenStylizer(new StylizerRequest(result.ModelDirectory, TranslationDirection.AToB, Options()), Context);
        using var toA = Plugin.OpenStylizer(new StylizerRequest(result.ModelDirectory, TranslationDirection.BToA, Options()), Context);
        var night = toB.Stylize(Texture(4, (_, _) => orange), new StylizeSettings(), CancellationToken.None);
        var day = toA.Stylize(Texture(4, (_, _) => blue), new StylizeSettings(), CancellationToken.None);

        // Then each colour lands on the other domain's mean (within 8-bit rounding of the stored PNGs).
        Assert.Equal(3, result.Iterations);
        Assert.All(Enumerable.Range(0, 16), i =>
        {
            Assert.Equal(blue.Item1, night.Pixels[i * 3], 2);
            Assert.Equal(blue.Item2, night.Pixels[i * 3 + 1], 2);
            Assert.Equal(blue.Item3, night.Pixels[i * 3 + 2], 2);
            Assert.Equal(orange.Item1, day.Pixels[i * 3], 2);
            Assert.Equal(orange.Item3, day.Pixels[i * 3 + 2], 2);
        });
    }

    [Fact]
    public void Converted_A_has_the_statistics_of_B_and_strength_zero_keeps_the_input()
    {
        // Given textured domains of different brightness and contrast.
        var a = Folder("a", Texture(16, (x, y) => (0.3f + 0.4f * x / 16, 0.4f + 0.2f * y / 16, 0.3f)));
        var b = Folder("b", Texture(16, (x, y) => (0.2f + 0.1f * y / 16, 0.2f, 0.3f + 0.2f * x / 16)));
        var model = Plugin.Train(new TrainingRequest(a, b, _folder.Combine("run"), false, Options()), Context).ModelDirectory;

        // When A is converted and the statistics of the result are measured by training again on (result, B).
        using var stylizer = Plugin.OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, Options()), Context);
        var converted = stylizer.Stylize(a.Load(0), new StylizeSettings(), CancellationToken.None);
        var again = Folder("converted", converted);
        var check = Plugin.Train(new TrainingRequest(again, b, _folder.Combine("check"), false, Options()), Context).ModelDirectory;
        using var json = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(check, "*.json").Single()));
        double[] Values(string domain, string key) =>
            json.RootElement.GetProperty(domain).GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();

        // Then mean and spread of every lαβ channel match B's, up to 8-bit rounding.
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(Values("domain_b", "mean")[c], Values("domain_a", "mean")[c], 1);
            Assert.Equal(Values("domain_b", "std")[c], Values("domain_a", "std")[c], 1);
        }
        using var keep = Plugin.OpenStylizer(new StylizerRequest(model, TranslationDirection.AToB, Options(0)), Context);
        var input = a.Load(0);
        Assert.Equal(input.Pixels, keep.Stylize(input, new StylizeSettings(), CancellationToken.None).Pixels);
    }

    [Fact]
    public void Opening_a_folder_it_did_not_train_says_what_to_do()
    {
        var error = Assert.Throws<PluginException>(() =>
            Plugin.OpenStylizer(new StylizerRequest(_folder.Path, TranslationDirection.AToB, Options()), Context));

        Assert.Contains("styleforge train --plugin colortransfer", error.Message);
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _folder.Dispose();
    }
}
