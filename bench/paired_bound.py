#!/usr/bin/python3
"""How far can the default job's generator get when it is *told* the answer?

A diagnostic for the day/night sample (docs/sample-data.md). It trains one generator of the shape the
pipeline trains (bench/reference_cyclegan.py's ResNet generator) with supervision: random crops of
day renders, an L1 loss to the same crops of the same scenes at night. CycleGAN never sees such pairs,
so what this reaches at a given number of iterations bounds what an unpaired model of the same size
can do with the same number of gradient steps. It scores the held-out test scenes the way
`styleforge evaluate` does (whole 256 px textures, PSNR over 8-bit RGB).

The pairs must be scenes other than the test scenes. Make them with a different seed:

    ./styleforge sample daynight --out runs/pairs --count 1 --test-count 200 --size 256 --seed 7
    /usr/bin/python3 bench/paired_bound.py --pairs runs/pairs --test runs/daynight/data --iters 6000

Written for Debian's python3-torch and python3-pil. Prints one JSON object on stdout; progress on stderr.
"""
import argparse
import glob
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
from PIL import Image

from reference_cyclegan import generator, init_weights


def load_folder(folder, scale=1.0):
    paths = sorted(glob.glob(os.path.join(folder, "*.png")))
    if not paths:
        sys.exit(f"paired_bound: no PNG files in {folder}")
    images = []
    for path in paths:
        image = Image.open(path).convert("RGB")
        if scale != 1.0:
            image = image.resize((round(image.width * scale), round(image.height * scale)), Image.BOX)
        pixels = np.asarray(image, dtype=np.float32) / 127.5 - 1.0
        images.append(torch.from_numpy(pixels).permute(2, 0, 1).contiguous())
    return [os.path.basename(p) for p in paths], images


def to_bytes(image):
    return ((image + 1.0) * 127.5).round().clamp(0, 255)


def predict(net, x, size):
    """The prediction for x, brought to the truth's size (bicubic) when the model works at another scale."""
    y = net(x.unsqueeze(0))
    if y.shape[-2:] != size:
        y = torch.nn.functional.interpolate(y, size=size, mode="bicubic", align_corners=False)
    return y[0]


def mean_psnr(net, inputs, truths):
    scores = []
    with torch.no_grad():
        for x, truth in zip(inputs, truths):
            mse = ((to_bytes(predict(net, x, truth.shape[-2:])) - to_bytes(truth)) ** 2).mean().item()
            scores.append(10.0 * math.log10(255.0 ** 2 / max(mse, 1e-10)))
    return sum(scores) / len(scores)


def write_predictions(net, names, inputs, truths, folder):
    os.makedirs(folder, exist_ok=True)
    with torch.no_grad():
        for name, x, truth in zip(names, inputs, truths):
            pixels = to_bytes(predict(net, x, truth.shape[-2:])).permute(1, 2, 0).to(torch.uint8).numpy()
            Image.fromarray(pixels, "RGB").save(os.path.join(folder, name))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", required=True, help="a sample folder; its testA/ and testB_truth/ are the training pairs")
    parser.add_argument("--test", required=True, help="the scored sample folder; its testA/ and testB_truth/ are held out")
    parser.add_argument("--ngf", type=int, default=16)
    parser.add_argument("--blocks", type=int, default=4)
    parser.add_argument("--upsample", choices=["transpose", "resize"], default="transpose",
                        help="the generator's upsampling, as the plugins' upsample option")
    parser.add_argument("--crop", type=int, default=64)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="train and predict on the textures scaled by this (box filter); predictions are scaled back "
                        "to the truth's size (bicubic) before scoring")
    parser.add_argument("--iters", type=int, default=3000)
    parser.add_argument("--lr", type=float, default=2e-4, help="Adam(beta1 0.5); constant for the first half, then linear decay, as the pipeline")
    parser.add_argument("--eval-every", type=int, default=500)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", help="also write the test predictions at every evaluation to OUT/<iteration>/<name>.png, "
                        "so that `styleforge evaluate --pred OUT/<iteration>` scores their light metrics")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    torch.set_num_threads(args.threads)
    _, day = load_folder(os.path.join(args.pairs, "testA"), args.scale)
    _, night = load_folder(os.path.join(args.pairs, "testB_truth"), args.scale)
    test_names, test_day = load_folder(os.path.join(args.test, "testA"), args.scale)
    _, test_night = load_folder(os.path.join(args.test, "testB_truth"))
    if len(day) != len(night):
        sys.exit("paired_bound: testA and testB_truth of --pairs differ in length")

    net = generator(args.ngf, args.blocks, args.upsample)
    init_weights(net)
    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr, betas=(0.5, 0.999))
    half = args.iters // 2
    curve = []
    start = time.perf_counter()
    for i in range(args.iters):
        rate = args.lr if i < half else args.lr * (1.0 - (i - half) / (args.iters - half))
        for group in optimizer.param_groups:
            group["lr"] = rate
        k = rng.randrange(len(day))
        _, height, width = day[k].shape
        top, left = rng.randrange(height - args.crop + 1), rng.randrange(width - args.crop + 1)
        window = (slice(None), slice(top, top + args.crop), slice(left, left + args.crop))
        x, y = day[k][window], night[k][window]
        if rng.random() < 0.5:
            x, y = x.flip(2), y.flip(2)
        loss = (net(x.unsqueeze(0)) - y.unsqueeze(0)).abs().mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % args.eval_every == 0 or i + 1 == args.iters:
            net.eval()
            score = mean_psnr(net, test_day, test_night)
            if args.out:
                write_predictions(net, test_names, test_day, test_night, os.path.join(args.out, str(i + 1)))
            net.train()
            seconds = time.perf_counter() - start
            curve.append({"iteration": i + 1, "mean_psnr": round(score, 3), "seconds": round(seconds, 1)})
            print(f"paired_bound: {i + 1}/{args.iters} {seconds:.0f} s  mean PSNR {score:.2f} dB", file=sys.stderr, flush=True)

    print(json.dumps({
        "implementation": "pytorch-paired-l1",
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "ngf": args.ngf, "blocks": args.blocks, "upsample": args.upsample, "crop": args.crop, "scale": args.scale, "lr": args.lr,
        "pairs": len(day), "test_images": len(test_day),
        "iterations": args.iters,
        "final_mean_psnr": curve[-1]["mean_psnr"],
        "curve": curve,
    }))


if __name__ == "__main__":
    main()
