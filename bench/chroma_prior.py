#!/usr/bin/env python3
"""Which of several night images of the same day textures do two generator-side terms prefer, with no training?

For each folder of night images (named like the day textures), prints as JSON:
  l1_to_day  mean absolute difference from the day texture, in [-1, 1] units as the generators see them: what the
             identity loss and a generator that starts near the identity pull towards;
  chroma     the chroma term of the CycleGAN plugin (lambda_chroma, Plugins/GanKit/Training/ChromaLoss.cs), computed
             the same way: 1 - cosine between each pixel's day and night RGB in [0, 1], weighted by the smaller length.
Lower is preferred by each.

Usage (the truth and the swapped truth from bench/swapped_truth):
  dotnet run --project bench/swapped_truth -- runs/swapped
  /usr/bin/python3 bench/chroma_prior.py --day runs/daynight/data/testA runs/swapped/truth runs/swapped/swapped [more folders...]
Needs numpy and PIL (Debian: python3-numpy, python3-pil).
"""
import argparse
import json
import os

import numpy as np
from PIL import Image

EPSILON = 1e-3  # as ChromaLoss.Epsilon


def load(path):
    return np.asarray(Image.open(path).convert("RGB"), dtype=np.float64) / 255.0


def chroma(day, night):
    length_day = np.sqrt((day * day).sum(-1) + EPSILON * EPSILON)
    length_night = np.sqrt((night * night).sum(-1) + EPSILON * EPSILON)
    cosine = (day * night).sum(-1) / (length_day * length_night)
    weight = np.minimum(length_day, length_night)
    return float(((1 - cosine) * weight).sum() / weight.sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--day", required=True, help="the day textures (testA)")
    parser.add_argument("nights", nargs="+", help="folders of night images with the same file names")
    args = parser.parse_args()
    names = sorted(n for n in os.listdir(args.day) if n.lower().endswith(".png"))
    if not names:
        parser.error(f"{args.day} holds no .png")
    rows = []
    for folder in args.nights:
        l1, term = [], []
        for name in names:
            path = os.path.join(folder, name)
            if not os.path.exists(path):
                parser.error(f"{path} is missing: every folder needs an image for each day texture")
            day, night = load(os.path.join(args.day, name)), load(path)
            l1.append(float(np.abs(day - night).mean() * 2))
            term.append(chroma(day, night))
        rows.append({"folder": folder, "images": len(names), "l1_to_day": float(np.mean(l1)), "chroma": float(np.mean(term))})
    print(json.dumps({"day": args.day, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
