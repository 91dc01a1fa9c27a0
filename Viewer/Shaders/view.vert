#version 450

// One triangle that covers the whole viewport: it needs no vertex buffer, and the
// fragment shader decides everything from the pixel position.
void main()
{
    vec2 corner = vec2((gl_VertexIndex << 1) & 2, gl_VertexIndex & 2);
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
