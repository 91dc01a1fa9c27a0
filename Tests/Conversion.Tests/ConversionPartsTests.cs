using StyleForge.Engine.Conversion;
using StyleForge.Engine.Textures;
using StyleForge.Plugins;
using Xunit;

namespace StyleForge.Conversion.Tests;

public sealed class ConversionPartsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("*.png", "a/b/wall.png", true)]
    [InlineData("*.png", "a/b/wall.tga", false)]
    [InlineData("ui/**", "ui/icons/x.png", true)]
    [InlineData("ui/**", "world/ui/x.png", false)]
    [InlineData("**/*_albedo.{png,tga}", "props/crate_albedo.TGA", true)]
    [InlineData("**/*_albedo.{png,tga}", "crate_albedo.png", true)]
    [InlineData("props/*.png", "props/sub/x.png", false)]
    [InlineData("wall_?.png", "wall_1.png", true)]
    [InlineData("wall_[ab].png", "wall_c.png", false)]
    public void Given_a_glob_When_matched_against_a_relative_path_Then_folders_and_names_follow_the_documented_rules(string glob, string path, bool expected) =>
        Assert.Equal(expected, GlobPattern.Parse(glob).Matches(path));

    [Fact]
    public void Given_include_and_exclude_When_selecting_Then_exclude_wins_and_no_include_means_everything()
    {
        var selection = new FileSelection(new[] { "world/**" }, new[] { "**/*_old.png" });

        Assert.True(selection.Selects("world/a.png"));
        Assert.False(selection.Selects("world/a_old.png"));
        Assert.False(selection.Selects("ui/a.png"));
        Assert.True(new FileSelection(Array.Empty<string>(), Array.Empty<string>()).Selects("any/thing.png"));
    }

    [Theory]
    [InlineData("{a,b")]
    [InlineData("[ab")]
    [InlineData("  ")]
    public void Given_a_malformed_glob_When_parsed_Then_the_error_says_what_is_wrong(string glob) =>
        Assert.Throws<ArgumentException>(() => GlobPattern.Parse(glob));

    [Theory]
    [InlineData("brick_n.png", "normal map")]
    [InlineData("brick_Normal.tga", "normal map")]
    [InlineData("brick_nrm.png", "normal map")]
    [InlineData("brick_r.png", "roughness map")]
    [InlineData("brick_rough.png", "roughness map")]
    [InlineData("brick_m.png", "metallic map")]
    [InlineData("brick_metal.png", "metallic map")]
    [InlineData("brick_ao.png", "ambient occlusion map")]
    [InlineData("brick_h.png", "height map")]
    [InlineData("brick_height.png", "height map")]
    [InlineData("brick_orm.png", "packed occlusion/roughness/metallic map")]
    [InlineData("brick_mask.png", "mask")]
    public void Given_the_default_table_When_a_name_marks_a_data_map_Then_it_is_skipped_with_its_map_type(string name, string mapType)
    {
        var reason = MapTypeRules.Default.SkipReason("walls/" + name);

        Assert.NotNull(reason);
        Assert.StartsWith(mapType, reason);
    }

    [Theory]
    [InlineData("brick.png")]
    [InlineData("brick_albedo.png")]
    [InlineData("normal.png")]
    [InlineData("_n.png")]
    public void Given_the_default_table_When_a_name_is_a_colour_map_Then_it_is_kept(string name) =>
        Assert.Null(MapTypeRules.Default.SkipReason(name));

    [Fact]
    public void Given_a_configured_table_When_parsed_Then_it_replaces_the_defaults_and_keeps_known_map_types()
    {
        var rules = MapTypeRules.Parse(new[] { "_n", "_spec=specular map" });

        Assert.StartsWith("normal map", rules.SkipReason("a_n.png"));
        Assert.StartsWith("specular map", rules.SkipReason("a_spec.png"));
        Assert.Null(rules.SkipReason("a_rough.png"));
        Assert.Null(MapTypeRules.None.SkipReason("a_n.png"));
        Assert.Throws<ArgumentException>(() => MapTypeRules.Parse(new[] { "dir/_n" }));
    }

    [Theory]
    [InlineData("../evil.png")]
    [InlineData("a/../../evil.png")]
    [InlineData("/etc/evil.png")]
    [InlineData("a//b.png")]
    public void Given_a_path_that_climbs_out_When_resolved_Then_it_is_refused(string relative)
    {
        var guard = new OutputPathGuard(_temp.Combine("out"));

        var error = Assert.Throws<UnauthorizedAccessException>(() => guard.Resolve(relative));

        Assert.Contains("output folder", error.Message);
    }

    [Fact]
    public void Given_a_symlinked_folder_inside_the_output_When_resolved_through_it_Then_it_is_refused()
    {
        var outside = Directory.CreateDirectory(_temp.Combine("outside")).FullName;
        var output = Directory.CreateDirectory(_temp.Combine("out")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(output, "walls"), outside);
        var guard = new OutputPathGuard(output);

        var error = Assert.Throws<UnauthorizedAccessException>(() => guard.Resolve("walls/brick.png"));

        Assert.Contains("symbolic link", error.Message);
        Assert.Equal(Path.Combine(output, "floors", "tile.png"), guard.Resolve("floors/tile.png"));
    }

    [Fact]
    public void Given_n_shards_When_every_path_is_assigned_Then_each_lands_in_exactly_one_shard_and_all_shards_get_some()
    {
        var paths = Enumerable.Range(0, 400).Select(i => $"set{i % 7}/tex_{i}.png").ToList();
        var shards = Enumerable.Range(1, 4).Select(i => new ShardSpec(i, 4)).ToList();

        foreach (var path in paths)
        {
            Assert.Equal(1, shards.Count(s => s.Contains(path)));
        }
        Assert.All(shards, s => Assert.InRange(paths.Count(s.Contains), 60, 140));
        Assert.Equal(ShardSpec.ShardOf("a/b.png", 4), ShardSpec.ShardOf("a\\b.png", 4));
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1-4")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    public void Given_a_malformed_shard_When_parsed_Then_the_error_shows_the_form(string text) =>
        Assert.Contains("I/N", Assert.Throws<ArgumentException>(() => ShardSpec.Parse(text)).Message);

    [Fact]
    public void Given_shard_manifests_of_one_tree_When_loaded_Then_they_merge_and_the_newest_entry_wins()
    {
        var root = _temp.Path;
        var old = new ManifestEntry("s1", 1, DateTime.UnixEpoch, "m", "o", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var newer = old with { SourceHash = "s2", ConvertedUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        var first = ConversionManifest.Empty();
        first.Record("a.png", old);
        first.Record("b.png", old);
        first.Save(root, new ShardSpec(1, 2), _ => true);
        var second = ConversionManifest.Empty();
        second.Record("a.png", newer);
        second.Record("c.png", newer);
        second.Save(root, new ShardSpec(2, 2), _ => true);

        var merged = ConversionManifest.LoadMerged(root, message => Assert.Fail(message));

        Assert.True(File.Exists(Path.Combine(root, ".styleforge-manifest.shard-1-of-2.json")));
        Assert.Equal(new[] { "a.png", "b.png", "c.png" }, merged.Entries.Keys.Order());
        Assert.Equal("s2", merged.Find("a.png")!.SourceHash);
        Assert.Equal(old.SourceModifiedUtc, merged.Find("b.png")!.SourceModifiedUtc);
    }

    [Fact]
    public void Given_a_damaged_manifest_When_loaded_Then_it_is_reported_and_ignored()
    {
        File.WriteAllText(Path.Combine(_temp.Path, ".styleforge-manifest.json"), "{ not json");
        var warnings = new List<string>();

        var merged = ConversionManifest.LoadMerged(_temp.Path, warnings.Add);

        Assert.Empty(merged.Entries);
        Assert.Contains(".styleforge-manifest.json", Assert.Single(warnings));
    }

    [Fact]
    public void Given_transparent_pixels_with_garbage_colour_When_filled_Then_visible_pixels_are_unchanged_and_holes_take_neighbour_colour()
    {
        // Left half visible red, right half transparent bright green: the green must not survive anywhere.
        const int width = 16, height = 8;
        var rgb = new TextureBuffer(width, height, 3);
        var alpha = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var visible = x < width / 2;
                alpha[y * width + x] = visible ? 1f : 0f;
                rgb.Pixels[rgb.IndexOf(x, y, 0)] = visible ? 0.8f : 0f;
                rgb.Pixels[rgb.IndexOf(x, y, 1)] = visible ? 0.1f : 1f;
                rgb.Pixels[rgb.IndexOf(x, y, 2)] = visible ? 0.1f : 0f;
            }
        }

        var original = (float[])rgb.Pixels.Clone();

        AlphaFill.FillTransparent(rgb, alpha);

        for (var i = 0; i < rgb.Pixels.Length; i++)
        {
            var visible = alpha[i / 3] > 0;
            Assert.Equal(visible ? original[i] : (i % 3 == 0 ? 0.8f : 0.1f), rgb.Pixels[i], 5);
        }
    }

    [Fact]
    public void Given_gray_with_alpha_When_expanded_to_rgb_and_composed_back_Then_gray_is_luminance_and_alpha_is_identical()
    {
        var source = new TextureBuffer(3, 1, 2, new[] { 0.2f, 0.0f, 0.5f, 0.37f, 1.0f, 1.0f }) { BitDepth = 16 };
        var rgb = ChannelLayouts.ToRgb(source);
        rgb.Pixels[0] = 1f;
        rgb.Pixels[1] = 0f;
        rgb.Pixels[2] = 0f;

        var composed = ChannelLayouts.Compose(rgb, ChannelLayouts.AlphaOf(source), 2);

        Assert.Equal(new[] { 0.5f, 0.5f, 0.5f }, rgb.Pixels[3..6]);
        Assert.Equal(0.2126f, composed.Pixels[0], 4);
        Assert.Equal(new[] { 0.0f, 0.37f, 1.0f }, new[] { composed.Pixels[1], composed.Pixels[3], composed.Pixels[5] });
    }

    [Fact]
    public void Given_a_gray_png_When_decoded_for_training_Then_it_is_expanded_to_rgb()
    {
        var path = TestImages.Write(_temp.Combine("g.png"), new SixLabors.ImageSharp.Formats.Png.PngEncoder
        {
            ColorType = SixLabors.ImageSharp.Formats.Png.PngColorType.GrayscaleWithAlpha,
        });

        var buffer = TextureCodec.Decode(path);

        Assert.Equal(4, buffer.Channels);
        Assert.Equal(buffer.Pixels[0], buffer.Pixels[1]);
    }
}
