#!/usr/bin/env bash
# Runs one CycleGAN training iteration benchmark in StyleForge and in the PyTorch reference on the same
# config, on the same machine, one after the other, and prints the ratio as JSON. The reference is timed
# with 1 and with 2 threads and its better figure is used.
#
# Usage: bench/compare_train.sh [--size 128] [--ngf 64] [--ndf 64] [--blocks 9] [--iters 3] [--warmup 1]
# Needs: a built host (dotnet build Host/Host.csproj) and Debian's python3-torch at /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/.."

size=128 ngf=64 ndf=64 blocks=9 iters=3 warmup=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size=$2 ;; --ngf) ngf=$2 ;; --ndf) ndf=$2 ;; --blocks) blocks=$2 ;;
    --iters) iters=$2 ;; --warmup) warmup=$2 ;;
    *) echo "compare_train.sh: unknown argument '$1' (known: --size --ngf --ndf --blocks --iters --warmup)" >&2; exit 2 ;;
  esac
  shift 2
done
host=${STYLEFORGE_DLL:-artifacts/bin/Host/debug/styleforge.dll}
if [[ ! -f $host ]]; then
  echo "compare_train.sh: $host is missing; build it first: dotnet build Host/Host.csproj" >&2
  exit 2
fi
# Both sides wait passively in OpenMP: with the default spinning, two threads on a shared machine can run 40x
# slower (docs/benchmarks.md). The plugin's benchmarks set the same policy themselves.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
config=(--size "$size" --ngf "$ngf" --ndf "$ndf" --blocks "$blocks" --iters "$iters" --warmup "$warmup")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! styleforge=$(dotnet "$host" bench train "${config[@]}" 2>"$log"); then
  echo "compare_train.sh: styleforge bench train failed:" >&2
  cat "$log" >&2
  exit 1
fi
reference1=$(/usr/bin/python3 bench/reference_cyclegan.py "${config[@]}" --threads 1)
reference2=$(/usr/bin/python3 bench/reference_cyclegan.py "${config[@]}" --threads 2)
/usr/bin/python3 - "$styleforge" "$reference1" "$reference2" <<'PY'
import json, sys
ours, *refs = (json.loads(a) for a in sys.argv[1:])
best = min(refs, key=lambda r: r["median_ms"])
print(json.dumps({
    "config": {k: ours[k] for k in ("size", "ngf", "ndf", "blocks")},
    "styleforge_median_ms": ours["median_ms"],
    "reference_median_ms": best["median_ms"],
    "reference_threads": best["threads"],
    "reference_median_ms_by_threads": {str(r["threads"]): r["median_ms"] for r in refs},
    "ratio": round(ours["median_ms"] / best["median_ms"], 3),
    "target_ratio": 0.4,
    "flops_per_iteration": ours["flops_per_iteration"],
    "styleforge_efficiency": ours["efficiency"],
    "styleforge_ceiling_gflops": ours["ceiling_gflops"],
    "reference_efficiency": best["efficiency"],
    "styleforge": ours,
    "reference": refs,
}, indent=2))
PY
