using StyleForge.Plugins;
using StyleForge.Plugins.CycleGan.Benchmarks;
using StyleForge.Plugins.GanKit.Benchmarks;
using StyleForge.Plugins.GanKit.Inference;
using StyleForge.Plugins.GanKit.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace StyleForge.CycleGan.Inference.Tests;

public sealed class TiledInferenceTests : IDisposable
{
    private readonly ResnetGenerator _generator;

    public TiledInferenceTests()
    {
        // Tiny random generator (ngf 4, 1 block) with the reference init: untrained, but every layer is real.
        manual_seed(7);
        _generator = new ResnetGenerator(new GeneratorArchitecture(4, 1));
        ReferenceInitialization.Apply(_generator, new Generator(7));
    }

    public void Dispose() => _generator.Dispose();

    private TextureBuffer Translate(TextureBuffer rgb, StylizeSettings settings, long statisticsPixels = TiledInference.DefaultStatisticsPixels) =>
        new TiledInference(_generator, CPU, statisticsPixels).Translate(rgb, settings, CancellationToken.None);

    [Fact]
    public void Given_a_512px_texture_When_tiled_at_128_Then_it_matches_the_whole_image_within_2_of_255()
    {
        var texture = PatternTextures.Scene(512, 512);

        var whole = Translate(texture, new StylizeSettings(TileSize: 512));
        var tiled = Translate(texture, new StylizeSettings(TileSize: 128));

        var error = PatternTextures.MeanAbsoluteError(whole, tiled);
        Assert.True(error <= 2.0 / 255, $"tiled vs whole MAE {error * 255:F3}/255");
    }

    [Fact]
    public void Given_tiles_normalised_by_their_own_statistics_When_compared_Then_shared_statistics_are_closer_to_the_whole_image()
    {
        // Guards the reason for recording statistics: tiles of a texture whose tone changes across it drift apart without them.
        var texture = PatternTextures.Scene(256, 256);
        var whole = Translate(texture, new StylizeSettings(TileSize: 256));
        var shared = Translate(texture, new StylizeSettings(TileSize: 64, TileOverlap: 32));

        var ownStatistics = new TextureBuffer(256, 256, 3);
        foreach (var (x, y) in new[] { (0, 0), (128, 0), (0, 128), (128, 128) })
        {
            var quarter = Crop(texture, x, y, 128, 128);
            var translated = Translate(quarter, new StylizeSettings(TileSize: 128));
            Paste(translated, ownStatistics, x, y);
        }

        Assert.True(PatternTextures.MeanAbsoluteError(whole, shared) < PatternTextures.MeanAbsoluteError(whole, ownStatistics) / 2);
    }

    [Theory]
    [InlineData(70, 45)]
    [InlineData(300, 130)]
    public void Given_sides_that_are_not_multiples_of_4_When_translated_Then_the_size_is_kept_and_values_are_in_range(int width, int height)
    {
        var output = Translate(PatternTextures.Scene(width, height), new StylizeSettings(TileSize: 64, TileOverlap: 16));

        Assert.Equal((width, height, 3), (output.Width, output.Height, output.Channels));
        Assert.All(output.Pixels, value => Assert.InRange(value, 0f, 1f));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Given_a_texture_over_the_statistics_budget_When_sampled_Then_output_is_closer_to_exact_statistics_than_per_tile_statistics(bool mosaic)
    {
        var texture = PatternTextures.Scene(256, 256);
        var settings = new StylizeSettings(TileSize: 64, TileOverlap: 32);
        var exact = Translate(texture, settings, statisticsPixels: 256 * 256);

        var sampled = new TiledInference(_generator, CPU, statisticsPixels: 128 * 128) { StatisticsSampling = mosaic ? StatisticsSampling.Mosaic : StatisticsSampling.Downscale }
            .Translate(texture, settings, CancellationToken.None);
        var perTile = new TextureBuffer(256, 256, 3);
        for (var y = 0; y < 256; y += 64)
        {
            for (var x = 0; x < 256; x += 64)
            {
                Paste(Translate(Crop(texture, x, y, 64, 64), new StylizeSettings(TileSize: 64)), perTile, x, y);
            }
        }

        var sampledError = PatternTextures.MeanAbsoluteError(exact, sampled);
        var perTileError = PatternTextures.MeanAbsoluteError(exact, perTile);
        Assert.True(sampledError < perTileError * 0.8, $"sampled {sampledError * 255:F2}/255, per tile {perTileError * 255:F2}/255");
    }

    [Theory]
    [InlineData(128, 0)]
    [InlineData(48, 16)]
    public void Given_a_tileable_texture_When_translated_seamlessly_Then_the_seam_error_stays_within_10_percent_of_the_input(int tile, int overlap)
    {
        var texture = PatternTextures.Tileable(128, 96);

        var output = Translate(texture, new StylizeSettings(Seamless: true, TileSize: tile, TileOverlap: overlap));

        var input = SeamError.Measure(texture);
        var result = SeamError.Measure(output);
        Assert.True(result <= input * 1.1, $"seam error {result:F3} against the input's {input:F3}");
    }

    [Theory]
    [InlineData(128, 0)]
    [InlineData(64, 32)]
    public void Given_a_tileable_texture_When_translated_seamlessly_Then_shifting_the_input_around_the_torus_shifts_the_output(int tile, int overlap)
    {
        // On a torus there is no edge: translating the texture rolled by a multiple of 4 must give the rolled result.
        var texture = PatternTextures.Tileable(96, 64);
        var settings = new StylizeSettings(Seamless: true, TileSize: tile, TileOverlap: overlap);

        var direct = Translate(texture, settings);
        var rolled = Translate(Roll(texture, 40, 28), settings);

        var error = PatternTextures.MeanAbsoluteError(Roll(direct, 40, 28), rolled);
        // Whole-torus tiles are exact up to float noise; smaller tiles add the usual tiling error (target 2/255).
        Assert.True(error < (tile >= 96 ? 1.0 : 2.0) / 255, $"rolled vs direct MAE {error * 255:F3}/255");
    }

    [Fact]
    public void Given_a_cancelled_token_When_translating_Then_it_stops_before_the_first_tile()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new TiledInference(_generator, CPU)
            .Translate(PatternTextures.Scene(64, 64), new StylizeSettings(TileSize: 32, TileOverlap: 8), cancelled.Token));
    }

    [Fact]
    public void Given_a_translation_When_done_Then_the_generator_is_back_to_reflect_padding_and_per_sample_norms()
    {
        var texture = PatternTextures.Scene(64, 64);
        using var input = tensor(new TextureWindow(texture, PaddingMode.Reflect).ReadPlanar(0, 0, 64, 64), [1, 3, 64, 64]);
        using var before = _generator.forward(input);

        Translate(texture, new StylizeSettings(Seamless: true, TileSize: 32, TileOverlap: 8));

        using var after = _generator.forward(input);
        Assert.True(before.allclose(after));
    }

    private static TextureBuffer Crop(TextureBuffer source, int x0, int y0, int width, int height)
    {
        var crop = new TextureBuffer(width, height, 3);
        for (var y = 0; y < height; y++)
        {
            Array.Copy(source.Pixels, source.IndexOf(x0, y0 + y, 0), crop.Pixels, crop.IndexOf(0, y, 0), width * 3);
        }
        return crop;
    }

    private static TextureBuffer Roll(TextureBuffer source, int dx, int dy)
    {
        var rolled = new TextureBuffer(source.Width, source.Height, 3);
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                Array.Copy(source.Pixels, source.IndexOf(x, y, 0), rolled.Pixels, rolled.IndexOf((x + dx) % source.Width, (y + dy) % source.Height, 0), 3);
            }
        }
        return rolled;
    }

    private static void Paste(TextureBuffer part, TextureBuffer target, int x0, int y0)
    {
        for (var y = 0; y < part.Height; y++)
        {
            Array.Copy(part.Pixels, part.IndexOf(0, y, 0), target.Pixels, target.IndexOf(x0, y0 + y, 0), part.Width * 3);
        }
    }
}
