"""A small style-based generator (StyleGAN, Karras et al. 2019) and a residual discriminator, for 32×32 faces.

Generator: z → pixel norm → 8-layer mapping MLP → w. Synthesis starts from a learned 4×4 constant; each
resolution (4, 8, 16, 32) has two 3×3 convolutions ("layers"; resolutions after the first upsample
bilinearly first), each followed by
    + per-pixel noise × learned per-channel strength, + bias, leaky ReLU, AdaIN(y_s, y_b)
with (y_s, y_b) = affine(w) for that layer. The image is the toRGB (1×1 conv) of the last resolution's
features; with rgb_skips (the first training run), every resolution adds its own toRGB to the upsampled image
so far. 8 layers → 8 w's, so a crossover index k ∈ 0..8 takes w1 for layers < k.

Why the final model has no skips: with them, the 4² and 8² toRGBs painted the colour fields and the coarse
styles decided the colours; without them every colour passes through the last AdaIN layers, as in StyleGAN.

AdaIN uses the population variance with ε = 1e-5 inside the square root, as src/lib/adain.ts does, so the
browser port can reuse adainFromStatistics. All weights use the equalised learning rate (He scale applied at
run time); export.py bakes the scales in.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

ADAIN_EPSILON = 1e-5
LEAKY_SLOPE = 0.2
# The mapping MLP multiplies each leaky ReLU by √2 to keep activations at unit variance (StyleGAN2's gain).
MAPPING_GAIN = math.sqrt(2.0)


class EqualLinear(nn.Module):
    """y = x·(W·scale)ᵀ + b·lr_mul with W ~ N(0, 1/lr_mul²), scale = lr_mul/√fan_in."""

    def __init__(self, in_features, out_features, lr_mul=1.0, bias_init=0.0):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_features, in_features) / lr_mul)
        self.bias = nn.Parameter(torch.full([out_features], float(bias_init) / lr_mul))
        self.weight_scale = lr_mul / math.sqrt(in_features)
        self.lr_mul = lr_mul

    def effective(self):
        return self.weight * self.weight_scale, self.bias * self.lr_mul

    def forward(self, x):
        weight, bias = self.effective()
        return F.linear(x, weight, bias)


class EqualConv2d(nn.Module):
    """Zero-padded ('same') k×k convolution with the He scale applied at run time."""

    def __init__(self, in_channels, out_channels, kernel_size, bias=True):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_channels, in_channels, kernel_size, kernel_size))
        self.bias = nn.Parameter(torch.zeros(out_channels)) if bias else None
        self.weight_scale = 1.0 / math.sqrt(in_channels * kernel_size * kernel_size)
        self.padding = kernel_size // 2

    def forward(self, x):
        return F.conv2d(x, self.weight * self.weight_scale, self.bias, padding=self.padding)


def pixel_norm(z, eps=1e-8):
    return z * torch.rsqrt(z.pow(2).mean(dim=1, keepdim=True) + eps)


def upsample2x(x):
    # tf.image.resizeBilinear(x, 2·size, alignCorners=false, halfPixelCenters=true) computes the same.
    return F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)


def adain(x, style_scale, style_bias):
    """y_s·(x − μ(x))/√(σ²(x) + ε) + y_b per sample and channel; x [N,C,H,W], styles [N,C]."""
    mean = x.mean(dim=(2, 3), keepdim=True)
    variance = (x - mean).pow(2).mean(dim=(2, 3), keepdim=True)
    normalised = (x - mean) * torch.rsqrt(variance + ADAIN_EPSILON)
    return style_scale[:, :, None, None] * normalised + style_bias[:, :, None, None]


class MappingNetwork(nn.Module):
    def __init__(self, z_dim, w_dim, layers=8, lr_mul=0.01):
        super().__init__()
        self.fcs = nn.ModuleList(
            EqualLinear(z_dim if i == 0 else w_dim, w_dim, lr_mul=lr_mul) for i in range(layers))

    def forward(self, z):
        x = pixel_norm(z)
        for fc in self.fcs:
            x = F.leaky_relu(fc(x), LEAKY_SLOPE) * MAPPING_GAIN
        return x


class StyledConv(nn.Module):
    """3×3 conv → + noise·strength → + bias → leaky ReLU → AdaIN with (y_s, y_b) from w."""

    def __init__(self, in_channels, out_channels, w_dim):
        super().__init__()
        self.conv = EqualConv2d(in_channels, out_channels, 3, bias=False)
        self.noise_strength = nn.Parameter(torch.zeros(out_channels))
        self.bias = nn.Parameter(torch.zeros(out_channels))
        # y_s starts around 1 and y_b around 0, so AdaIN starts as plain instance normalisation.
        self.style_scale = EqualLinear(w_dim, out_channels, bias_init=1.0)
        self.style_bias = EqualLinear(w_dim, out_channels, bias_init=0.0)

    def forward(self, x, w, noise, record=None):
        x = self.conv(x)
        if noise is not None:
            x = x + noise * self.noise_strength[None, :, None, None]
        x = F.leaky_relu(x + self.bias[None, :, None, None], LEAKY_SLOPE)
        style_scale, style_bias = self.style_scale(w), self.style_bias(w)
        out = adain(x, style_scale, style_bias)
        if record is not None:
            record.append({"before_adain": x, "after_adain": out, "style_scale": style_scale, "style_bias": style_bias})
        return out


class SynthesisNetwork(nn.Module):
    def __init__(self, w_dim, channels=(128, 128, 64, 32), rgb_skips=True):
        super().__init__()
        self.channels = list(channels)
        # How much of the lower resolutions' toRGB reaches the image: 1 with skips, 0 without. train.py fades
        # it from 1 to 0 when a run starts from a skip checkpoint, so every resolution keeps a toRGB to load.
        self.skip_weight = 1.0 if rgb_skips else 0.0
        self.resolution = 4 * 2 ** (len(channels) - 1)
        self.const = nn.Parameter(torch.randn(1, channels[0], 4, 4))
        self.layers = nn.ModuleList()
        self.to_rgbs = nn.ModuleList()
        in_channels = channels[0]
        for out_channels in channels:
            self.layers.append(StyledConv(in_channels, out_channels, w_dim))
            self.layers.append(StyledConv(out_channels, out_channels, w_dim))
            self.to_rgbs.append(EqualConv2d(out_channels, 3, 1))
            in_channels = out_channels

    @property
    def num_ws(self):
        return len(self.layers)

    def noise_shapes(self, batch):
        return [(batch, 1, 4 * 2 ** (i // 2), 4 * 2 ** (i // 2)) for i in range(self.num_ws)]

    def forward(self, ws, noise="random", record=None):
        """ws [N, num_ws, w_dim]; noise: "random", None (no noise) or a list of [N,1,H,W] per layer."""
        batch = ws.shape[0]
        if noise == "random":
            noise = [torch.randn(shape, device=ws.device) for shape in self.noise_shapes(batch)]
        x = self.const.expand(batch, -1, -1, -1)
        image = None
        last = len(self.to_rgbs) - 1
        for block, to_rgb in enumerate(self.to_rgbs):
            if block > 0:
                x = upsample2x(x)
            for i in (2 * block, 2 * block + 1):
                x = self.layers[i](x, ws[:, i], None if noise is None else noise[i], record)
            if block < last and self.skip_weight == 0:
                continue
            rgb = to_rgb(x)
            image = rgb if image is None else self.skip_weight * upsample2x(image) + rgb
        return image


class Generator(nn.Module):
    def __init__(self, z_dim=128, w_dim=128, mapping_layers=8, channels=(128, 128, 64, 32), mapping_lr_mul=0.01,
                 rgb_skips=True):
        super().__init__()
        self.config = {"z_dim": z_dim, "w_dim": w_dim, "mapping_layers": mapping_layers,
                       "channels": list(channels), "mapping_lr_mul": mapping_lr_mul, "rgb_skips": rgb_skips}
        self.z_dim = z_dim
        self.mapping = MappingNetwork(z_dim, w_dim, mapping_layers, mapping_lr_mul)
        self.synthesis = SynthesisNetwork(w_dim, channels, rgb_skips)
        self.register_buffer("w_avg", torch.zeros(w_dim))

    @property
    def num_ws(self):
        return self.synthesis.num_ws

    def truncate(self, w, psi):
        return self.w_avg + psi * (w - self.w_avg)

    def mixed_ws(self, w1, w2, crossover):
        """Per-layer w's: w1 for layers < crossover, w2 from crossover on."""
        ws = w1[:, None, :].repeat(1, self.num_ws, 1)
        if crossover < self.num_ws:
            ws[:, crossover:] = w2[:, None, :]
        return ws

    def forward(self, z, z2=None, crossover=None, psi=1.0, noise="random", record=None):
        """Images for z (and z2 from layer `crossover` on), truncated by ψ; `record` collects per-layer values."""
        w = self.truncate(self.mapping(z), psi)
        if z2 is None:
            return self.synthesis(w[:, None, :].repeat(1, self.num_ws, 1), noise, record)
        w2 = self.truncate(self.mapping(z2), psi)
        return self.synthesis(self.mixed_ws(w, w2, crossover), noise, record)


class DiscriminatorBlock(nn.Module):
    """Residual: (skip(avgpool(x)) + avgpool(conv(conv(x)))) / √2."""

    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.conv0 = EqualConv2d(in_channels, in_channels, 3)
        self.conv1 = EqualConv2d(in_channels, out_channels, 3)
        self.skip = EqualConv2d(in_channels, out_channels, 1, bias=False)

    def forward(self, x):
        skip = self.skip(F.avg_pool2d(x, 2))
        x = F.leaky_relu(self.conv0(x), LEAKY_SLOPE) * MAPPING_GAIN
        x = F.avg_pool2d(F.leaky_relu(self.conv1(x), LEAKY_SLOPE) * MAPPING_GAIN, 2)
        return (x + skip) / math.sqrt(2.0)


class Discriminator(nn.Module):
    def __init__(self, channels=(128, 128, 64, 32), stddev_group=4):
        super().__init__()
        # Mirror of the generator: 32 → 16 → 8 → 4, channels reversed.
        reversed_channels = list(reversed(channels))
        self.from_rgb = EqualConv2d(3, reversed_channels[0], 1)
        self.blocks = nn.ModuleList(
            DiscriminatorBlock(a, b) for a, b in zip(reversed_channels[:-1], reversed_channels[1:]))
        top = reversed_channels[-1]
        self.stddev_group = stddev_group
        self.final_conv = EqualConv2d(top + 1, top, 3)
        self.final_fc = EqualLinear(top * 16, top)
        self.out = EqualLinear(top, 1)

    def minibatch_stddev(self, x):
        """Appends the mean standard deviation over groups of samples as one more feature map."""
        n, c, h, w = x.shape
        group = min(self.stddev_group, n)
        y = x.reshape(group, -1, c, h, w)
        y = (y.var(dim=0, unbiased=False) + 1e-8).sqrt().mean(dim=(1, 2, 3))
        y = y.reshape(-1, 1, 1, 1).repeat(group, 1, h, w)
        return torch.cat([x, y], dim=1)

    def forward(self, image):
        x = F.leaky_relu(self.from_rgb(image), LEAKY_SLOPE) * MAPPING_GAIN
        for block in self.blocks:
            x = block(x)
        x = F.leaky_relu(self.final_conv(self.minibatch_stddev(x)), LEAKY_SLOPE) * MAPPING_GAIN
        x = F.leaky_relu(self.final_fc(x.flatten(1)), LEAKY_SLOPE) * MAPPING_GAIN
        return self.out(x)
