#!/bin/sh
# Rebuilds the SPIR-V that the viewer embeds. Run it after editing a shader and commit the
# .spv files with the source; a test recompiles into a temporary folder and fails when
# they differ. Usage: compile.sh [output-folder] (default: next to the sources).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
if ! command -v glslangValidator >/dev/null 2>&1; then
    echo "glslangValidator not found: install glslang-tools (Debian/Ubuntu: apt-get install glslang-tools)" >&2
    exit 1
fi
for source in "$here"/*.vert "$here"/*.frag; do
    glslangValidator -V --quiet -o "$out/$(basename "$source").spv" "$source"
done
