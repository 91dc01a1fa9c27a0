using System.Numerics;
using System.Runtime.InteropServices;

namespace StyleForge.Viewer.Views;

/// <summary>The push constants of view.frag; field order and types mirror its View block.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ViewConstants
{
    /// <summary>The gray outside the image, BACKGROUND in view.frag; render passes clear to it too.</summary>
    public const float Background = 0.12f;

    public Vector2 Origin;
    public Vector2 ViewSize;
    public Vector2 Center;
    public Vector2 BeforeSize;
    public Vector2 AfterSize;
    public float Zoom;
    public float Split;
    public float Divider;
    public ShaderMode Mode;
    public ViewChannel Channel;

    /// <summary>1 when the before image is sampled through an sRGB view (the shader then gets linear values).</summary>
    public int BeforeSrgb;

    /// <summary>1 when the after image is sampled through an sRGB view.</summary>
    public int AfterSrgb;
}
