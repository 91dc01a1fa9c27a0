#!/usr/bin/env bash
# Trains a model with snapshots and scores every snapshot on held-out truth: how quality changes over training,
# the curves in docs/sample-data.md and docs/cut.md. Prints one JSON document: a row per snapshot (PSNR, SSIM and,
# where the data has light masks, the light metrics of docs/evaluate.md).
#
# Usage: bench/quality_curve.sh --data DIR --out DIR --every N [--plugin cyclegan] [--score-only] [-- train arguments...]
#   --data        a sample folder (trainA/, trainB/, testA/, testB_truth/), e.g. runs/daynight/data
#   --out         the training folder; snapshots go to OUT/snapshots/, conversions and scores to OUT/curve/
#   --every       snapshot_every: iterations between snapshots
#   --score-only  do not train: score the snapshots OUT already holds (after a finished or stopped run)
#   after --       passed to 'styleforge train' as is, e.g. --set iterations=3400 --set ngf=16 ... or --resume
#
# Example (the default job's CycleGAN, scored at each quarter):
#   ./styleforge sample daynight --out runs/daynight/data --size 256
#   bench/quality_curve.sh --data runs/daynight/data --out runs/curve --every 850 -- \
#     --set ngf=16 --set ndf=32 --set blocks=4 --set load_size=256 --set crop_size=64 --set iterations=3400
#
# Uses ./styleforge (set STYLEFORGE to another launcher). Needs python3 for the JSON.
set -euo pipefail
cd "$(dirname "$0")/.."

data="" out="" every="" plugin=cyclegan score_only=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --plugin) plugin=$2; shift 2 ;;
    --score-only) score_only=1; shift ;;
    --) shift; break ;;
    *) echo "quality_curve.sh: unknown argument '$1' (known: --data --out --every --plugin --score-only, then -- and train arguments)" >&2; exit 2 ;;
  esac
done
if [[ -z $data || -z $out ]] || [[ $score_only == 0 && -z $every ]]; then
  echo "quality_curve.sh: --data and --out are required, and --every unless --score-only" >&2
  exit 2
fi
for folder in trainA trainB testA testB_truth; do
  if [[ ! -d $data/$folder ]]; then
    echo "quality_curve.sh: $data/$folder is missing; --data takes a folder 'styleforge sample' wrote" >&2
    exit 2
  fi
done
sf=(${STYLEFORGE:-./styleforge})

if [[ $score_only == 0 ]]; then
  "${sf[@]}" train --plugin "$plugin" --a "$data/trainA" --b "$data/trainB" --out "$out" --set "snapshot_every=$every" "$@" >&2
fi
manifest=$out/model/styleforge-model.json
if [[ ! -f $manifest ]]; then
  echo "quality_curve.sh: $manifest is missing; the training run did not finish (resume it with -- --resume ...)" >&2
  exit 1
fi
shopt -s nullglob
snapshots=("$out"/snapshots/iter-*)
if [[ ${#snapshots[@]} -eq 0 ]]; then
  echo "quality_curve.sh: $out/snapshots/ holds no snapshot; train with --every (snapshot_every) set" >&2
  exit 1
fi

mkdir -p "$out/curve"
for snapshot in "${snapshots[@]}"; do
  name=$(basename "$snapshot")
  iteration=$((10#${name#iter-}))
  # A snapshot holds the generator files; the manifest that tells convert which plugin reads them is written by the
  # host for the final model only. Mark the snapshot with the same manifest and its own iteration count.
  python3 - "$manifest" "$snapshot/styleforge-model.json" "$iteration" <<'PY'
import json, sys
source, target, iteration = sys.argv[1], sys.argv[2], int(sys.argv[3])
manifest = json.load(open(source))
manifest["iterations"] = iteration
json.dump(manifest, open(target, "w"), indent=2)
PY
  rm -rf "$out/curve/$name"
  "${sf[@]}" convert --model "$snapshot" --input "$data/testA" --output "$out/curve/$name" --direction a2b >&2
  "${sf[@]}" evaluate --pred "$out/curve/$name" --truth "$data/testB_truth" --json > "$out/curve/$name.json"
done

python3 - "$out/curve" "$plugin" <<'PY'
import glob, json, os, sys
folder, plugin = sys.argv[1], sys.argv[2]
rows = []
for path in sorted(glob.glob(os.path.join(folder, "iter-*.json"))):
    scores = json.load(open(path))
    row = {"iteration": int(os.path.basename(path)[5:13]), "psnr": scores["mean_psnr"], "ssim": scores["mean_ssim"]}
    light = scores.get("light")
    if light:
        row.update({k: light[k] for k in ("lit_window_f1", "lit_hits", "lit_false_alarms", "lit_misses", "mean_glow_error", "checkerboard_ratio")})
    rows.append(row)
print(json.dumps({"plugin": plugin, "snapshots": rows}, indent=2))
PY
