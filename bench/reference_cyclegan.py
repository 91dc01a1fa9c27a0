#!/usr/bin/python3
"""PyTorch reference for one CycleGAN training iteration, timed the way StyleForge's
`bench train` times its own: same networks, same losses, same update order, same FLOP count.

It follows the authors' code (Zhu et al. 2017, pytorch-CycleGAN-and-pix2pix): ResNet
generator, 70x70 PatchGAN, instance norm without affine parameters, LSGAN, cycle and
identity L1, a 50-image pool, Adam(2e-4, 0.5, 0.999). Written for Debian's python3-torch.

Usage: /usr/bin/python3 bench/reference_cyclegan.py --size 128 --ngf 64 --ndf 64 --blocks 9 --iters 5 --threads 2
Prints one JSON object on stdout.
"""
import argparse
import json
import random
import statistics
import time

import torch
from torch import nn


def resnet_block(dim):
    return nn.Sequential(
        nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), nn.InstanceNorm2d(dim), nn.ReLU(True),
        nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), nn.InstanceNorm2d(dim))


class ResnetBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.conv_block = resnet_block(dim)

    def forward(self, x):
        return x + self.conv_block(x)


def generator(ngf, blocks, upsample="transpose"):
    """The reference ResNet generator; upsample "resize" puts the plugins' nearest 2x, reflected border and 3x3
    convolution (GanKit's ResizeConv) where the reference has its stride-2 transposed convolutions."""
    layers = [nn.ReflectionPad2d(3), nn.Conv2d(3, ngf, 7), nn.InstanceNorm2d(ngf), nn.ReLU(True)]
    for i in range(2):
        mult = 2 ** i
        layers += [nn.Conv2d(ngf * mult, ngf * mult * 2, 3, stride=2, padding=1),
                   nn.InstanceNorm2d(ngf * mult * 2), nn.ReLU(True)]
    layers += [ResnetBlock(ngf * 4) for _ in range(blocks)]
    for i in range(2):
        mult = 2 ** (2 - i)
        if upsample == "resize":
            layers += [nn.Upsample(scale_factor=2, mode="nearest"), nn.ReflectionPad2d(1), nn.Conv2d(ngf * mult, ngf * mult // 2, 3)]
        else:
            layers += [nn.ConvTranspose2d(ngf * mult, ngf * mult // 2, 3, stride=2, padding=1, output_padding=1)]
        layers += [nn.InstanceNorm2d(ngf * mult // 2), nn.ReLU(True)]
    layers += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, 3, 7), nn.Tanh()]
    return nn.Sequential(*layers)


def discriminator(ndf, n_layers=3):
    layers = [nn.Conv2d(3, ndf, 4, stride=2, padding=1), nn.LeakyReLU(0.2, True)]
    mult = 1
    for n in range(1, n_layers):
        prev, mult = mult, min(2 ** n, 8)
        layers += [nn.Conv2d(ndf * prev, ndf * mult, 4, stride=2, padding=1),
                   nn.InstanceNorm2d(ndf * mult), nn.LeakyReLU(0.2, True)]
    prev, mult = mult, min(2 ** n_layers, 8)
    layers += [nn.Conv2d(ndf * prev, ndf * mult, 4, stride=1, padding=1),
               nn.InstanceNorm2d(ndf * mult), nn.LeakyReLU(0.2, True),
               nn.Conv2d(ndf * mult, 1, 4, stride=1, padding=1)]
    return nn.Sequential(*layers)


def init_weights(net):
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0.0, 0.02)
            nn.init.zeros_(m.bias)


class ImagePool:
    """The reference's history of generated images: once full, half the time it returns an old fake and keeps the new one."""

    def __init__(self, size, rng):
        self.size, self.images, self.rng = size, [], rng

    def query(self, image):
        image = image.detach()
        if len(self.images) < self.size:
            self.images.append(image)
            return image
        if self.rng.random() > 0.5:
            i = self.rng.randrange(self.size)
            old, self.images[i] = self.images[i], image
            return old
        return image


def conv_flops(cin, cout, k, h_out, w_out):
    return 2 * cin * cout * k * k * h_out * w_out


def generator_forward_flops(size, ngf, blocks):
    s2, s4 = size // 2, size // 4
    return (conv_flops(3, ngf, 7, size, size)
            + conv_flops(ngf, 2 * ngf, 3, s2, s2)
            + conv_flops(2 * ngf, 4 * ngf, 3, s4, s4)
            + blocks * 2 * conv_flops(4 * ngf, 4 * ngf, 3, s4, s4)
            # transposed convolutions are counted on the input grid they scatter from
            + conv_flops(4 * ngf, 2 * ngf, 3, s4, s4)
            + conv_flops(2 * ngf, ngf, 3, s2, s2)
            + conv_flops(ngf, 3, 7, size, size))


def discriminator_forward_flops(size, ndf, n_layers=3):
    total, side, cin = 0, size, 3
    for n in range(n_layers):
        cout = ndf * min(2 ** n, 8)
        side = (side + 2 - 4) // 2 + 1
        total += conv_flops(cin, cout, 4, side, side)
        cin = cout
    cout = ndf * min(2 ** n_layers, 8)
    side = side + 2 - 4 + 1
    total += conv_flops(cin, cout, 4, side, side)
    side = side + 2 - 4 + 1
    total += conv_flops(cout, 1, 4, side, side)
    return total


def iteration_flops(size, ngf, ndf, blocks):
    # Six generator passes (two translations, two reconstructions, two identities) and six
    # discriminator passes (two in the G step, four in the D step); backward counts 2x forward.
    forward = 6 * generator_forward_flops(size, ngf, blocks) + 6 * discriminator_forward_flops(size, ndf)
    return 3 * forward


def set_requires_grad(nets, flag):
    for net in nets:
        for p in net.parameters():
            p.requires_grad = flag


def measure_iterations(args):
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    g_a, g_b = generator(args.ngf, args.blocks), generator(args.ngf, args.blocks)
    d_a, d_b = discriminator(args.ndf), discriminator(args.ndf)
    for net in (g_a, g_b, d_a, d_b):
        init_weights(net)
    opt_g = torch.optim.Adam(list(g_a.parameters()) + list(g_b.parameters()), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(list(d_a.parameters()) + list(d_b.parameters()), lr=2e-4, betas=(0.5, 0.999))
    pool_a, pool_b = ImagePool(50, rng), ImagePool(50, rng)
    gan, l1 = nn.MSELoss(), nn.L1Loss()
    lam_a = lam_b = 10.0
    lam_idt = 0.5
    data_a = torch.rand(8, 1, 3, args.size, args.size) * 2 - 1
    data_b = torch.rand(8, 1, 3, args.size, args.size) * 2 - 1

    def gan_loss(pred, target_real):
        return gan(pred, torch.ones_like(pred) if target_real else torch.zeros_like(pred))

    def iteration(i):
        real_a, real_b = data_a[i % 8], data_b[i % 8]
        fake_b = g_a(real_a)
        rec_a = g_b(fake_b)
        fake_a = g_b(real_b)
        rec_b = g_a(fake_a)
        set_requires_grad([d_a, d_b], False)
        opt_g.zero_grad()
        idt_a = g_a(real_b)
        idt_b = g_b(real_a)
        loss_g = (gan_loss(d_a(fake_b), True) + gan_loss(d_b(fake_a), True)
                  + l1(rec_a, real_a) * lam_a + l1(rec_b, real_b) * lam_b
                  + l1(idt_a, real_b) * lam_b * lam_idt + l1(idt_b, real_a) * lam_a * lam_idt)
        loss_g.backward()
        opt_g.step()
        set_requires_grad([d_a, d_b], True)
        opt_d.zero_grad()
        pooled_b = pool_b.query(fake_b)
        loss_d_a = (gan_loss(d_a(real_b), True) + gan_loss(d_a(pooled_b), False)) * 0.5
        loss_d_a.backward()
        pooled_a = pool_a.query(fake_a)
        loss_d_b = (gan_loss(d_b(real_a), True) + gan_loss(d_b(pooled_a), False)) * 0.5
        loss_d_b.backward()
        opt_d.step()
        return loss_g.item()

    for i in range(args.warmup):
        iteration(i)
    times, ceilings = [], []
    for i in range(args.iters):
        start = time.perf_counter()
        iteration(args.warmup + i)
        times.append((time.perf_counter() - start) * 1000.0)
        # Sampled between iterations, so on a shared machine both see the same load (as StyleForge's bench does).
        ceilings.append(measure_ceiling(args))
    return times, ceilings


def measure_ceiling(args):
    """GFLOP/s of one large 3x3 convolution forward and backward (one pass after one warm-up pass): the rate this libtorch reaches on the machine."""
    channels, side = args.ceiling_channels, args.ceiling_size
    torch.manual_seed(args.seed)
    x = torch.randn(1, channels, side, side, requires_grad=True)
    conv = nn.Conv2d(channels, channels, 3, padding=1)
    flops = 3 * conv_flops(channels, channels, 3, side, side)
    times = []
    for i in range(2):
        start = time.perf_counter()
        conv(x).sum().backward()
        if i > 0:
            times.append(time.perf_counter() - start)
    return flops / statistics.median(times) / 1e9


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=128, help="crop side in pixels, a multiple of 4")
    parser.add_argument("--ngf", type=int, default=64)
    parser.add_argument("--ndf", type=int, default=64)
    parser.add_argument("--blocks", type=int, default=9)
    parser.add_argument("--iters", type=int, default=5, help="timed iterations")
    parser.add_argument("--warmup", type=int, default=2, help="untimed iterations first (the pool and allocator warm up)")
    parser.add_argument("--threads", type=int, default=0, help="torch.set_num_threads; 0 keeps torch's default")
    parser.add_argument("--ceiling-channels", type=int, default=256)
    parser.add_argument("--ceiling-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    times, ceilings = measure_iterations(args)
    median_ms = statistics.median(times)
    flops = iteration_flops(args.size, args.ngf, args.ndf, args.blocks)
    achieved = flops / (median_ms / 1000.0) / 1e9
    ceiling = statistics.median(ceilings)
    print(json.dumps({
        "implementation": "pytorch-reference",
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "size": args.size, "ngf": args.ngf, "ndf": args.ndf, "blocks": args.blocks,
        "iterations": args.iters,
        "median_ms": round(median_ms, 2),
        "iteration_ms": [round(t, 2) for t in times],
        "flops_per_iteration": flops,
        "achieved_gflops": round(achieved, 2),
        "ceiling_gflops": round(ceiling, 2),
        "ceiling_samples_gflops": [round(c, 2) for c in ceilings],
        "efficiency": round(achieved / ceiling, 3),
    }))


if __name__ == "__main__":
    main()
