namespace StyleForge.Engine.Conversion;

/// <summary>
/// The default naming rules, from the conventions textures arrive in: Poly Haven, ambientCG,
/// Substance Painter's export presets, Unreal's texture naming guide and Unity's render pipelines.
/// docs/convert.md lists the same table (a test keeps the two in step).
/// </summary>
public static class MapTypeTable
{
    private const string Normal = "normal map";
    private const string Roughness = "roughness map";
    private const string Metallic = "metallic map";
    private const string Occlusion = "ambient occlusion map";
    private const string Height = "height map";
    private const string Packed = "packed occlusion/roughness/metallic map";
    private const string Colour = "colour map";

    private const string Common = "common";
    private const string PolyHaven = "Poly Haven";
    private const string AmbientCg = "ambientCG";
    private const string Substance = "Substance Painter";
    private const string Unreal = "Unreal";
    private const string Unity = "Unity";

    public static readonly IReadOnlyList<MapTypeRule> Rules = new MapTypeRule[]
    {
        // Colour: stylized. Listed so the summary can say why a file was converted, and so a longer
        // colour ending ("_AlbedoTransparency") wins over a shorter data one ("_Transparency").
        new("_diff", Colour, MapKind.Colour, PolyHaven),
        new("_diffuse", Colour, MapKind.Colour, Common),
        new("_col", Colour, MapKind.Colour, PolyHaven),
        new("_color", Colour, MapKind.Colour, AmbientCg),
        new("_colour", Colour, MapKind.Colour, Common),
        new("_albedo", Colour, MapKind.Colour, Common),
        new("_BaseColor", Colour, MapKind.Colour, Substance),
        new("_BaseMap", Colour, MapKind.Colour, Unity),
        new("_AlbedoTransparency", Colour, MapKind.Colour, Unity),
        new("_D", Colour, MapKind.Colour, Unreal),
        new("_BC", Colour, MapKind.Colour, Unreal),

        // Normal maps: XY(Z) vectors; a hue shift bends every surface.
        new("_n", Normal, MapKind.Data, Common),
        new("_nrm", Normal, MapKind.Data, Common),
        new("_nor", Normal, MapKind.Data, PolyHaven),
        new("_norm", Normal, MapKind.Data, Common),
        new("_normal", Normal, MapKind.Data, Substance),
        new("_NormalMap", Normal, MapKind.Data, Common),
        new("_nor_gl", Normal + " (OpenGL, Y up)", MapKind.Data, PolyHaven),
        new("_nor_dx", Normal + " (DirectX, Y down)", MapKind.Data, PolyHaven),
        new("_NormalGL", Normal + " (OpenGL, Y up)", MapKind.Data, AmbientCg),
        new("_NormalDX", Normal + " (DirectX, Y down)", MapKind.Data, AmbientCg),
        new("_Normal_OpenGL", Normal + " (OpenGL, Y up)", MapKind.Data, Substance),
        new("_Normal_DirectX", Normal + " (DirectX, Y down)", MapKind.Data, Substance),

        new("_r", Roughness, MapKind.Data, Common),
        new("_rough", Roughness, MapKind.Data, PolyHaven),
        new("_roughness", Roughness, MapKind.Data, AmbientCg),
        new("_gloss", "glossiness map", MapKind.Data, Common),
        new("_glossiness", "glossiness map", MapKind.Data, Common),
        new("_smoothness", "smoothness map", MapKind.Data, Unity),

        new("_m", Metallic, MapKind.Data, Common),
        new("_metal", Metallic, MapKind.Data, PolyHaven),
        new("_metallic", Metallic, MapKind.Data, Substance),
        new("_metalness", Metallic, MapKind.Data, AmbientCg),
        new("_MetallicSmoothness", "packed metallic/smoothness map", MapKind.Data, Unity),

        new("_ao", Occlusion, MapKind.Data, PolyHaven),
        new("_occlusion", Occlusion, MapKind.Data, Common),
        new("_AmbientOcclusion", Occlusion, MapKind.Data, AmbientCg),
        new("_Mixed_AO", Occlusion, MapKind.Data, Substance),

        new("_h", Height, MapKind.Data, Common),
        new("_height", Height, MapKind.Data, Substance),
        new("_disp", "displacement map", MapKind.Data, PolyHaven),
        new("_displacement", "displacement map", MapKind.Data, AmbientCg),
        new("_bump", "bump map", MapKind.Data, PolyHaven),

        new("_orm", Packed, MapKind.Data, Unreal),
        new("_OcclusionRoughnessMetallic", Packed, MapKind.Data, Substance),
        new("_arm", "packed AO/roughness/metallic map", MapKind.Data, PolyHaven),
        new("_rma", "packed roughness/metallic/AO map", MapKind.Data, Common),
        new("_mra", "packed metallic/roughness/AO map", MapKind.Data, Common),
        new("_MaskMap", "packed mask map (metallic/AO/detail/smoothness)", MapKind.Data, "Unity HDRP"),
        new("_mask", "mask", MapKind.Data, Common),

        new("_spec", "specular map", MapKind.Data, PolyHaven),
        new("_specular", "specular map", MapKind.Data, Common),

        // Opacity is coverage, not colour: a stylized alpha cut-out changes which pixels exist.
        new("_opacity", "opacity map", MapKind.Data, AmbientCg),
        new("_alpha", "opacity map", MapKind.Data, Common),
        new("_transparency", "opacity map", MapKind.Data, Common),

        // Emissive holds colour, but mostly black: a style that lifts dark tones (day to night, film looks)
        // would make the whole surface emit light. Skipped by default; docs/convert.md shows how to stylize it.
        new("_emissive", "emissive map", MapKind.Data, Substance),
        new("_emission", "emissive map", MapKind.Data, Common),

        new("_cavity", "cavity map", MapKind.Data, Common),
        new("_curvature", "curvature map", MapKind.Data, Common),
        new("_id", "ID map", MapKind.Data, Common),

        // Unreal's single letters beyond the common _n/_r/_m/_h, only after its T_ prefix.
        new("_A", "opacity map", MapKind.Data, Unreal) { RequiredPrefix = "T_" },
        new("_O", Occlusion, MapKind.Data, Unreal) { RequiredPrefix = "T_" },
        new("_E", "emissive map", MapKind.Data, Unreal) { RequiredPrefix = "T_" },
        new("_S", "specular map", MapKind.Data, Unreal) { RequiredPrefix = "T_" },
        new("_B", "bump map", MapKind.Data, Unreal) { RequiredPrefix = "T_" },
    };
}
