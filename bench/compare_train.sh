#!/usr/bin/env bash
# Runs the CycleGAN training-iteration benchmark in StyleForge and in the PyTorch reference on the same config,
# on the same machine, one after the other, and prints the ratio as JSON.
#
# Both sides are timed with 1 and with 2 threads, and under both OpenMP wait modes: passive (threads sleep
# between parallel regions) and spin (GOMP_SPINCOUNT=100000: they spin a little first). Spinning is much faster
# on an idle machine and much slower on a busy one (docs/benchmarks.md), and StyleForge picks between them at
# start-up, so the fair comparison gives each side its best of the four figures. Every figure is in the JSON.
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
config=(--size "$size" --ngf "$ngf" --ndf "$ndf" --blocks "$blocks" --iters "$iters" --warmup "$warmup")
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# run NAME WAIT THREADS COMMAND...: runs one side with one wait mode and thread count, and tags its JSON.
run() {
  local name=$1 wait=$2 threads=$3
  shift 3
  local -a environment=(env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT)
  if [[ $wait == passive ]]; then environment+=(OMP_WAIT_POLICY=PASSIVE); else environment+=(GOMP_SPINCOUNT=100000); fi
  if ! "${environment[@]}" "$@" "${config[@]}" --threads "$threads" >"$results/$name-$wait-$threads.json" 2>"$results/log"; then
    echo "compare_train.sh: $name ($wait, $threads threads) failed:" >&2
    cat "$results/log" >&2
    exit 1
  fi
  python3 - "$results/$name-$wait-$threads.json" "$wait" <<'PY'
import json, sys
path, wait = sys.argv[1:]
data = json.load(open(path))
data["openmp_wait"] = wait
json.dump(data, open(path, "w"))
PY
}
for wait in passive spin; do
  for threads in 1 2; do
    run styleforge "$wait" "$threads" dotnet "$host" bench train
    run reference "$wait" "$threads" /usr/bin/python3 bench/reference_cyclegan.py
  done
done
/usr/bin/python3 - "$results" <<'PY'
import glob, json, os, sys
runs = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))]
ours = [r for r in runs if r["implementation"] == "styleforge"]
refs = [r for r in runs if r["implementation"] != "styleforge"]
best_ours = min(ours, key=lambda r: r["median_ms"])
best_ref = min(refs, key=lambda r: r["median_ms"])
table = lambda rs: {f'{r["openmp_wait"]}/{r["threads"]}': r["median_ms"] for r in rs}
print(json.dumps({
    "config": {k: best_ours[k] for k in ("size", "ngf", "ndf", "blocks")},
    "styleforge_median_ms": best_ours["median_ms"],
    "styleforge_best": {"openmp_wait": best_ours["openmp_wait"], "threads": best_ours["threads"]},
    "reference_median_ms": best_ref["median_ms"],
    "reference_best": {"openmp_wait": best_ref["openmp_wait"], "threads": best_ref["threads"]},
    "ratio": round(best_ours["median_ms"] / best_ref["median_ms"], 3),
    "target_ratio": 0.4,
    "flops_per_iteration": best_ours["flops_per_iteration"],
    "styleforge_efficiency": best_ours["efficiency"],
    "styleforge_ceiling_gflops": best_ours["ceiling_gflops"],
    "reference_efficiency": best_ref["efficiency"],
    "styleforge_median_ms_by_wait_and_threads": table(ours),
    "reference_median_ms_by_wait_and_threads": table(refs),
    "runs": runs,
}, indent=2))
PY
