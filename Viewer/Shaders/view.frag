#version 450

// Draws one view of a before/after pair into the current viewport. The window and the
// headless contact sheet both draw through this shader, so what the tests read back is
// what the user sees.

layout(set = 0, binding = 0) uniform sampler2D beforeTexture;
layout(set = 0, binding = 1) uniform sampler2D afterTexture;

// Layout mirrors ViewConstants.cs; keep both in step.
layout(push_constant) uniform View
{
    vec2 origin;      // top-left corner of the viewport in framebuffer pixels
    vec2 viewSize;    // viewport size in pixels
    vec2 center;      // content coordinate (in texels) shown at the middle of each panel
    vec2 beforeSize;  // texture sizes in texels
    vec2 afterSize;
    float zoom;       // screen pixels per texel
    float split;      // split position as a fraction of the viewport width
    float divider;    // width of the split divider in pixels; 0 hides it
    int mode;         // ShaderMode.cs
    int channel;      // ViewChannel.cs
    int beforeSrgb;   // 1 when the texture is an sRGB format, so sampling returns linear values
    int afterSrgb;
} view;

layout(location = 0) out vec4 outColor;

const int MODE_BEFORE = 0;
const int MODE_AFTER = 1;
const int MODE_SIDE = 2;
const int MODE_SPLIT = 3;
const int MODE_TILE = 4;

const int CHANNEL_RED = 1;
const int CHANNEL_GREEN = 2;
const int CHANNEL_BLUE = 3;
const int CHANNEL_ALPHA = 4;

const vec3 BACKGROUND = vec3(0.12);
const vec3 CHECKER_LIGHT = vec3(0.8);
const vec3 CHECKER_DARK = vec3(0.6);
const float CHECKER_PIXELS = 8.0;
const vec3 DIVIDER = vec3(1.0, 0.85, 0.2);

// The swapchain and the contact sheet are UNORM and show what the shader writes as stored values, as
// for a PNG, whose bytes are uploaded as UNORM. An sRGB texture is sampled into linear light (so
// filtering averages light, not encoded values) and encoded again here, so that at one texel per pixel
// it shows the same stored values as the same texture in a PNG.
vec3 encodeSrgb(vec3 linear)
{
    vec3 low = linear * 12.92;
    vec3 high = 1.055 * pow(linear, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, lessThanEqual(linear, vec3(0.0031308)));
}

vec3 shade(vec4 texel, vec2 pixel)
{
    if (view.channel == CHANNEL_RED) return texel.rrr;
    if (view.channel == CHANNEL_GREEN) return texel.ggg;
    if (view.channel == CHANNEL_BLUE) return texel.bbb;
    if (view.channel == CHANNEL_ALPHA) return texel.aaa;
    // The checkerboard sits in screen space so it stays put while the texture pans.
    float parity = mod(floor(pixel.x / CHECKER_PIXELS) + floor(pixel.y / CHECKER_PIXELS), 2.0);
    vec3 board = parity < 0.5 ? CHECKER_LIGHT : CHECKER_DARK;
    return mix(board, texel.rgb, texel.a);
}

// Maps a pixel of a panel to content coordinates and shades the texel found there.
// `frame` is the size in content units that one copy of the image covers, and `repeats`
// how many copies there are each way (3 in tile mode; the repeat sampler wraps them, so
// linear filtering blends across tile edges as a tiling game texture would). In side and
// split views the after image is framed by the before image's size, so a conversion made
// at another resolution still lines up texel for texel with its source.
vec3 panel(sampler2D image, bool srgb, vec2 imageSize, vec2 frame, float repeats, vec2 local, vec2 panelSize, vec2 pixel)
{
    vec2 content = (local - 0.5 * panelSize) / view.zoom + view.center;
    if (any(lessThan(content, vec2(0.0))) || any(greaterThanEqual(content, repeats * frame)))
    {
        return BACKGROUND;
    }
    // The scale is the same for every pixel, so the mip level is known exactly: one level
    // per halving of texels per pixel. Passing it keeps it right where side-by-side panels,
    // the split or tile edges meet (implicit derivatives jump there), and a uniform level
    // is also the fastest sampling path on CPU drivers such as lavapipe.
    vec2 texelsPerPixel = imageSize / frame / view.zoom;
    float lod = max(0.0, log2(max(texelsPerPixel.x, texelsPerPixel.y)));
    vec4 texel = textureLod(image, content / frame, lod);
    if (srgb)
    {
        texel.rgb = encodeSrgb(texel.rgb);
    }
    return shade(texel, pixel);
}

void main()
{
    vec2 pixel = gl_FragCoord.xy - view.origin;
    vec3 color;
    if (view.mode == MODE_SIDE)
    {
        float halfWidth = 0.5 * view.viewSize.x;
        vec2 panelSize = vec2(halfWidth, view.viewSize.y);
        color = pixel.x < halfWidth
            ? panel(beforeTexture, view.beforeSrgb != 0, view.beforeSize, view.beforeSize, 1.0, pixel, panelSize, pixel)
            : panel(afterTexture, view.afterSrgb != 0, view.afterSize, view.beforeSize, 1.0, pixel - vec2(halfWidth, 0.0), panelSize, pixel);
    }
    else if (view.mode == MODE_SPLIT)
    {
        float splitX = view.split * view.viewSize.x;
        color = pixel.x < splitX
            ? panel(beforeTexture, view.beforeSrgb != 0, view.beforeSize, view.beforeSize, 1.0, pixel, view.viewSize, pixel)
            : panel(afterTexture, view.afterSrgb != 0, view.afterSize, view.beforeSize, 1.0, pixel, view.viewSize, pixel);
        if (abs(pixel.x - splitX) < 0.5 * view.divider)
        {
            color = DIVIDER;
        }
    }
    else if (view.mode == MODE_TILE)
    {
        color = panel(afterTexture, view.afterSrgb != 0, view.afterSize, view.afterSize, 3.0, pixel, view.viewSize, pixel);
    }
    else if (view.mode == MODE_AFTER)
    {
        color = panel(afterTexture, view.afterSrgb != 0, view.afterSize, view.afterSize, 1.0, pixel, view.viewSize, pixel);
    }
    else
    {
        color = panel(beforeTexture, view.beforeSrgb != 0, view.beforeSize, view.beforeSize, 1.0, pixel, view.viewSize, pixel);
    }
    outColor = vec4(color, 1.0);
}
