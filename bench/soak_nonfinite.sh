#!/usr/bin/env bash
# Soak test for non-finite training updates: trains the default recipe (pipelines/daynight.yaml's train options) under
# each CPU capability this machine offers and prints, as JSON, how many updates the non-finite guard rejected and the
# milliseconds per iteration of each.
#
# The matrix: ATen's kernels (default, avx2, avx512), oneDNN uncapped or capped (AVX2, SSE41), one stream or two,
# each with the channel-alignment workaround on (as shipped) and off (STYLEFORGE_CHANNEL_ALIGNMENT=off, what
# TorchSharp 0.107's oneDNN does on its own). A run counts as clean when the guard rejected nothing.
#
# Usage: bench/soak_nonfinite.sh [--iterations 3400] [--only REGEX]
# Needs: a built host (./styleforge builds it). Takes about iterations x 0.13 s per configuration on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

iterations=3400 only=.
while [[ $# -gt 0 ]]; do
  case "$1" in
    --iterations) iterations=$2 ;; --only) only=$2 ;;
    *) echo "soak_nonfinite.sh: unknown argument '$1' (known: --iterations --only)" >&2; exit 2 ;;
  esac
  shift 2
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./styleforge sample daynight --out "$work/data" --count 200 --test-count 1 --size 256 >/dev/null 2>&1

flags=(--set load_size=256 --set crop_size=64 --set ngf=16 --set ndf=32 --set blocks=4 --set d_layers=3 --set lr=0.0002
  --set pool_size=50 --set sample_every=100000 --set checkpoint_every=100000 --set device=cpu --set "iterations=$iterations")

# name|threads|environment (space-separated KEY=VALUE)
configs=(
  "aten-default|0|"
  "aten-default,1-stream|1|"
  "aten-avx2|0|ATEN_CPU_CAPABILITY=avx2"
  "aten-avx512|0|ATEN_CPU_CAPABILITY=avx512"
  "aten-scalar|0|ATEN_CPU_CAPABILITY=default"
  "onednn-avx2|0|ONEDNN_MAX_CPU_ISA=AVX2"
  "onednn-sse41|0|ONEDNN_MAX_CPU_ISA=SSE41"
)

echo "["
first=1
for config in "${configs[@]}"; do
  IFS='|' read -r name threads environment <<<"$config"
  for alignment in on off; do
    label="$name,alignment-$alignment"
    [[ $label =~ $only ]] || continue
    out="$work/run-$label"
    start=$(date +%s.%N)
    set +e
    env STYLEFORGE_CHANNEL_ALIGNMENT=$alignment $environment ./styleforge train --a "$work/data/trainA" --b "$work/data/trainB" \
      --out "$out" "${flags[@]}" --set "threads=$threads" >"$work/stdout" 2>"$work/stderr"
    status=$?
    set -e
    end=$(date +%s.%N)
    completed=$(( $(wc -l <"$out/losses.csv" 2>/dev/null || echo 1) - 1 ))
    # The console wraps long lines: join them before counting or quoting.
    tr -s ' \n' ' ' <"$work/stderr" >"$work/joined"
    rejected=$(grep -o "the update was not applied" "$work/joined" | wc -l || true)
    failure=$(grep -o "error: [^\[]*" "$work/joined" | tail -1 | cut -c1-160 | sed 's/"/\\"/g' || true)
    nan_rows=$(grep -c -i "nan\|infinity" "$out/losses.csv" 2>/dev/null || true)
    ms=$(awk -v s="$start" -v e="$end" -v n="$completed" 'BEGIN { if (n > 0) printf "%.1f", (e - s) * 1000 / n; else print "null" }')
    [[ $first == 1 ]] || echo ","
    first=0
    printf '  {"config": "%s", "exit_code": %d, "iterations": %d, "rejected_updates": %d, "non_finite_loss_rows": %d, "ms_per_iteration": %s, "error": "%s"}' \
      "$label" "$status" "$completed" "$rejected" "$nan_rows" "$ms" "$failure"
    echo "soak: $label exit $status, $completed iterations, $rejected rejected, ${ms} ms/iteration" >&2
  done
done
echo
echo "]"
