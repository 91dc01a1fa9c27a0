using StyleForge.Engine.Conversion;
using Xunit;

namespace StyleForge.Conversion.Tests;

/// <summary>The default map-type table against names as Poly Haven, ambientCG, Substance Painter, Unreal and Unity write them.</summary>
public sealed class MapTypeRuleTests
{
    /// <summary>Name, expected map type (null: colour, stylized), and the convention the matching rule must name (null: no rule).</summary>
    public static TheoryData<string, string?, string?> RealNames => new()
    {
        // Poly Haven: map type, then resolution.
        { "aerial_rocks_02_diff_4k.jpg", null, "Poly Haven" },
        { "aerial_rocks_02_diff_1k.png", null, "Poly Haven" },
        { "aerial_rocks_02_nor_gl_2k.png", "normal map (OpenGL, Y up)", "Poly Haven" },
        { "aerial_rocks_02_nor_gl_4k.exr", "normal map (OpenGL, Y up)", "Poly Haven" },
        { "aerial_rocks_02_nor_dx_4k.png", "normal map (DirectX, Y down)", "Poly Haven" },
        { "brick_wall_001_nor_dx.jpg", "normal map (DirectX, Y down)", "Poly Haven" },
        { "brick_wall_001_rough_4k.jpg", "roughness map", "Poly Haven" },
        { "brick_wall_001_rough.png", "roughness map", "Poly Haven" },
        { "brick_wall_001_arm_4k.png", "packed AO/roughness/metallic map", "Poly Haven" },
        { "brick_wall_001_disp_4k.png", "displacement map", "Poly Haven" },
        { "brick_wall_001_disp_16k.tif", "displacement map", "Poly Haven" },
        { "brick_wall_001_ao_2k.jpg", "ambient occlusion map", "Poly Haven" },
        { "metal_plate_spec_4k.jpg", "specular map", "Poly Haven" },
        { "metal_plate_metal_4k.jpg", "metallic map", "Poly Haven" },
        { "metal_plate_bump_2k.png", "bump map", "Poly Haven" },
        { "forrest_ground_01_col_1k.png", null, "Poly Haven" },
        // ambientCG: asset, resolution and format, then map type.
        { "Bricks059_1K-JPG_Color.jpg", null, "ambientCG" },
        { "Bricks059_2K-PNG_Color.png", null, "ambientCG" },
        { "Bricks059_1K-JPG_NormalGL.jpg", "normal map (OpenGL, Y up)", "ambientCG" },
        { "Bricks059_1K-JPG_NormalDX.jpg", "normal map (DirectX, Y down)", "ambientCG" },
        { "Bricks059_4K-PNG_Roughness.png", "roughness map", "ambientCG" },
        { "Metal012_2K-JPG_Metalness.jpg", "metallic map", "ambientCG" },
        { "Bricks059_1K-JPG_AmbientOcclusion.jpg", "ambient occlusion map", "ambientCG" },
        { "Bricks059_8K-PNG_Displacement.png", "displacement map", "ambientCG" },
        { "Fence007A_2K-PNG_Opacity.png", "opacity map", "ambientCG" },
        { "Ground054_1K_Color.png", null, "ambientCG" },
        { "Ground054_1K_NormalGL.png", "normal map (OpenGL, Y up)", "ambientCG" },
        // Substance Painter export presets.
        { "Crate_BaseColor.png", null, "Substance Painter" },
        { "Crate_Base_Color.png", null, "Substance Painter" },
        { "Crate_Normal.png", "normal map", "Substance Painter" },
        { "Crate_OcclusionRoughnessMetallic.png", "packed occlusion/roughness/metallic map", "Substance Painter" },
        { "Crate_Height.png", "height map", "Substance Painter" },
        { "Crate_Emissive.png", "emissive map", "Substance Painter" },
        { "Crate_Metallic.png", "metallic map", "Substance Painter" },
        { "Crate_Roughness.png", "roughness map", "ambientCG" },
        { "Crate_Mixed_AO.png", "ambient occlusion map", "Substance Painter" },
        { "Crate_Material_BaseColor.1001.png", null, "Substance Painter" },
        { "Crate_Material_Normal.1001.png", "normal map", "Substance Painter" },
        { "Crate_Normal_OpenGL.png", "normal map (OpenGL, Y up)", "Substance Painter" },
        { "Crate_Normal_DirectX.png", "normal map (DirectX, Y down)", "Substance Painter" },
        // Quixel Megascans: id, resolution, map type, sometimes a level of detail.
        { "tj3pdjpfw_2K_Albedo.jpg", null, "common" },
        { "tj3pdjpfw_2K_Normal_LOD0.jpg", "normal map", "Substance Painter" },
        { "tj3pdjpfw_2K_Cavity.jpg", "cavity map", "common" },
        { "tj3pdjpfw_2K_Gloss.jpg", "glossiness map", "common" },
        // Unreal: T_ prefix, short suffixes.
        { "T_Wall_D.tga", null, "Unreal" },
        { "T_Wall_N.tga", "normal map", "common" },
        { "T_Wall_ORM.tga", "packed occlusion/roughness/metallic map", "Unreal" },
        { "T_Wall_BC.png", null, "Unreal" },
        { "T_Wall_R.png", "roughness map", "common" },
        { "T_Wall_M.png", "metallic map", "common" },
        { "T_Wall_E.png", "emissive map", "Unreal" },
        { "T_Wall_A.png", "opacity map", "Unreal" },
        { "T_Wall_O.png", "ambient occlusion map", "Unreal" },
        { "T_Wall_S.png", "specular map", "Unreal" },
        { "T_Wall_B.png", "bump map", "Unreal" },
        // Unity (HDRP, Standard).
        { "Rock_MaskMap.png", "packed mask map (metallic/AO/detail/smoothness)", "Unity HDRP" },
        { "Rock_BaseMap.png", null, "Unity" },
        { "Rock_AlbedoTransparency.png", null, "Unity" },
        { "Rock_MetallicSmoothness.png", "packed metallic/smoothness map", "Unity" },
        { "Rock_Smoothness.png", "smoothness map", "Unity" },
        // The endings the old exact-suffix table missed.
        { "wall_NormalMap.png", "normal map", "common" },
        { "wall_AmbientOcclusion.png", "ambient occlusion map", "ambientCG" },
        { "wall_metalness.png", "metallic map", "ambientCG" },
        { "wall-normal.png", "normal map", "Substance Painter" },
        { "wallNormal.png", "normal map", "Substance Painter" },
        // Common forms.
        { "rock_albedo.png", null, "common" },
        { "rock_diffuse_2048.png", null, "common" },
        { "rock_colour.png", null, "common" },
        { "rock_n.png", "normal map", "common" },
        { "rock_nrm_01.png", "normal map", "common" },
        { "rock_gloss.png", "glossiness map", "common" },
        { "rock_mask.png", "mask", "common" },
        { "rock_id.png", "ID map", "common" },
        { "rock_emission.png", "emissive map", "common" },
        // No rule: stylized as colour, as before the table.
        { "rock.png", null, null },
        { "rock_4k.png", null, null },
        { "normal.png", null, null },
        { "_n.png", null, null },
        { "Door_A.png", null, null },
        { "Door_B.png", null, null },
        { "grass_tile_02.png", null, null },
    };

    [Theory]
    [MemberData(nameof(RealNames))]
    public void Given_a_real_style_name_When_classified_Then_colour_is_kept_data_is_skipped_and_the_rule_is_named(string name, string? mapType, string? convention)
    {
        var rule = MapTypeRules.Default.Match("textures/" + name);
        var skip = MapTypeRules.Default.SkipReason("textures/" + name);

        Assert.Equal(convention, rule?.Convention);
        if (mapType is null)
        {
            Assert.Null(skip);
            Assert.True(rule is null || rule.Kind == MapKind.Colour);
        }
        else
        {
            Assert.Equal(MapKind.Data, rule!.Kind);
            Assert.Equal(mapType, rule.MapType);
            Assert.Equal($"{mapType} (rule {rule.Suffix}, {convention})", skip);
        }
    }

    [Fact]
    public void Given_the_real_name_list_Then_it_covers_at_least_60_names_from_every_convention()
    {
        var rows = RealNames.Select(r => (string?)r[2]).ToList();

        Assert.True(rows.Count >= 60, $"{rows.Count} names");
        foreach (var convention in new[] { "Poly Haven", "ambientCG", "Substance Painter", "Unreal", "Unity HDRP" })
        {
            Assert.Contains(convention, rows);
        }
    }

    [Fact]
    public void Given_the_default_table_Then_no_two_rules_share_an_ending()
    {
        var duplicates = MapTypeRules.Default.Rules.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Given_the_default_table_Then_docs_convert_md_lists_every_rule()
    {
        var docs = File.ReadAllText(Path.Combine(RepoLayout.Root, "docs", "convert.md"));

        var missing = MapTypeRules.Default.Rules.Where(r => !docs.Contains($"`{r.Suffix}`", StringComparison.Ordinal)).Select(r => r.Suffix);

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("rock_spec_4k.png", "specular map")]
    [InlineData("rock-SPEC.png", "specular map")]
    [InlineData("rockSpec.png", "specular map")]
    [InlineData("rock_n.png", "normal map")]
    public void Given_a_configured_suffix_When_a_name_has_a_resolution_tail_or_other_separators_Then_it_still_matches(string name, string mapType)
    {
        var rules = MapTypeRules.Parse(new[] { "_spec=specular map", "_n" });

        Assert.StartsWith(mapType, rules.SkipReason(name));
        Assert.Null(rules.SkipReason("rock_rough.png"));
    }
}
