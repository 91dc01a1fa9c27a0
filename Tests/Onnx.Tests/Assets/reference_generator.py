"""Writes a generator state dict the way the CycleGAN authors' code does, for StyleForge's import tests.

The network is written here from the published description of the reference ResnetGenerator
(Zhu et al. 2017; networks.py in their repository): reflection pad 3, conv 7x7 to ngf, norm, ReLU; two
stride-2 3x3 convs (padding 1) doubling the channels, each with norm and ReLU; residual blocks of
reflection pad 1, conv 3x3, norm, ReLU, [dropout 0.5], reflection pad 1, conv 3x3, norm, added to the
input; two ConvTranspose 3x3 stride 2 padding 1 output_padding 1 halving the channels, each with norm and
ReLU; reflection pad 3, conv 7x7 to 3 channels, tanh. Convs carry a bias when the norm is instance norm.
All of it sits in one nn.Sequential named `model`, so the keys are model.N.weight and model.N.conv_block.M.weight.

usage: reference_generator.py OUT_DIR NGF BLOCKS SEED WIDTH HEIGHT [plain|dropout|affine|batch]
writes OUT_DIR/net_G.pth (torch.save of state_dict()), OUT_DIR/input.bin and OUT_DIR/output.bin
(float32, NCHW, 1x3xHxW; the output is the eval-mode forward pass of the input).
"""
import functools
import sys

import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, channels, norm, use_dropout, use_bias):
        super().__init__()
        layers = [nn.ReflectionPad2d(1), nn.Conv2d(channels, channels, 3, bias=use_bias), norm(channels), nn.ReLU(True)]
        if use_dropout:
            layers.append(nn.Dropout(0.5))
        layers += [nn.ReflectionPad2d(1), nn.Conv2d(channels, channels, 3, bias=use_bias), norm(channels)]
        self.conv_block = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.conv_block(x)


class Generator(nn.Module):
    def __init__(self, ngf, blocks, norm, use_dropout):
        super().__init__()
        use_bias = not (norm is nn.BatchNorm2d)
        layers = [nn.ReflectionPad2d(3), nn.Conv2d(3, ngf, 7, bias=use_bias), norm(ngf), nn.ReLU(True)]
        channels = ngf
        for _ in range(2):
            layers += [nn.Conv2d(channels, channels * 2, 3, stride=2, padding=1, bias=use_bias), norm(channels * 2), nn.ReLU(True)]
            channels *= 2
        layers += [Block(channels, norm, use_dropout, use_bias) for _ in range(blocks)]
        for _ in range(2):
            layers += [nn.ConvTranspose2d(channels, channels // 2, 3, stride=2, padding=1, output_padding=1, bias=use_bias),
                       norm(channels // 2), nn.ReLU(True)]
            channels //= 2
        layers += [nn.ReflectionPad2d(3), nn.Conv2d(channels, 3, 7), nn.Tanh()]
        self.model = nn.Sequential(*layers)

    def forward(self, x):
        return self.model(x)


def main():
    out, ngf, blocks, seed, width, height = sys.argv[1], *map(int, sys.argv[2:7])
    variant = sys.argv[7] if len(sys.argv) > 7 else "plain"
    torch.manual_seed(seed)
    norm = {
        "affine": functools.partial(nn.InstanceNorm2d, affine=True, track_running_stats=False),
        "batch": nn.BatchNorm2d,
    }.get(variant, functools.partial(nn.InstanceNorm2d, affine=False, track_running_stats=False))
    net = Generator(ngf, blocks, norm, use_dropout=variant == "dropout")
    with torch.no_grad():
        for name, p in net.named_parameters():
            # The reference's init is N(0, 0.02) with zero biases; random biases make a misplaced one show.
            p.normal_(0.0, 0.02 if name.endswith("weight") else 0.1)
    net.eval()
    torch.save(net.state_dict(), f"{out}/net_G.pth")
    x = torch.rand(1, 3, height, width) * 2 - 1
    with torch.no_grad():
        y = net(x)
    x.numpy().astype("float32").tofile(f"{out}/input.bin")
    y.numpy().astype("float32").tofile(f"{out}/output.bin")


if __name__ == "__main__":
    main()
