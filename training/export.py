"""Export the EMA generator of a checkpoint for the browser, and a reference batch for the TS port's test.

    /usr/bin/python3 training/export.py --checkpoint training/runs/faces32/healthy.pt

Writes
  public/generator/model.json   config + TensorFlow.js weightsManifest (float16, decoded to float32 by tfjs)
  public/generator/generator.bin little-endian weights
  test/fixtures/generator-reference.json   z's, noise, crossover, ψ → PyTorch images (and per-layer styles)

Layouts in the manifest are tfjs's: linear kernels [in, out], conv kernels HWIO [kh, kw, in, out], the
constant NHWC [1, 4, 4, C]; the equalised-learning-rate scales and lr multipliers are baked in. The
reference batch is computed in float64 from the float16-rounded weights, i.e. from exactly what the
browser loads, so the test measures the port and not the quantisation.
"""
import argparse
import base64
import hashlib
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stylegan import ADAIN_EPSILON, LEAKY_SLOPE, MAPPING_GAIN, Generator  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def exported_tensors(generator):
    """(name, module, attribute, scale, torch→tfjs permutation) for every weight the browser needs."""
    entries = []
    for i, fc in enumerate(generator.mapping.fcs):
        entries += [(f"mapping/fc{i}/kernel", fc, "weight", fc.weight_scale, (1, 0)),
                    (f"mapping/fc{i}/bias", fc, "bias", fc.lr_mul, None)]
    entries.append(("w_avg", generator, "w_avg", 1.0, None))
    entries.append(("synthesis/const", generator.synthesis, "const", 1.0, (0, 2, 3, 1)))
    for i, layer in enumerate(generator.synthesis.layers):
        prefix = f"synthesis/layer{i}"
        entries += [(f"{prefix}/conv/kernel", layer.conv, "weight", layer.conv.weight_scale, (2, 3, 1, 0)),
                    (f"{prefix}/noise_strength", layer, "noise_strength", 1.0, None),
                    (f"{prefix}/bias", layer, "bias", 1.0, None)]
        for style in ("style_scale", "style_bias"):
            affine = getattr(layer, style)
            entries += [(f"{prefix}/{style}/kernel", affine, "weight", affine.weight_scale, (1, 0)),
                        (f"{prefix}/{style}/bias", affine, "bias", affine.lr_mul, None)]
    to_rgbs = list(enumerate(generator.synthesis.to_rgbs))
    # Without skips only the last toRGB draws; the others are kept in checkpoints but never exported.
    for b, to_rgb in to_rgbs if generator.config["rgb_skips"] else to_rgbs[-1:]:
        entries += [(f"synthesis/to_rgb{b}/kernel", to_rgb, "weight", to_rgb.weight_scale, (2, 3, 1, 0)),
                    (f"synthesis/to_rgb{b}/bias", to_rgb, "bias", 1.0, None)]
    return entries


def export_weights(generator, out_dir, meta, source):
    """Writes model.json + generator.bin and puts the float16-rounded values back into `generator`."""
    specs, chunks = [], []
    for name, module, attribute, scale, permutation in exported_tensors(generator):
        tensor = getattr(module, attribute)
        baked = (tensor.detach().double() * scale)
        if permutation is not None:
            baked = baked.permute(*permutation)
        half = baked.numpy().astype("<f2")
        chunks.append(half.tobytes())
        specs.append({"name": name, "shape": list(half.shape), "dtype": "float32",
                      "quantization": {"dtype": "float16"}})
        rounded = torch.from_numpy(half.astype(np.float64))
        if permutation is not None:
            rounded = rounded.permute(*np.argsort(permutation).tolist())
        with torch.no_grad():
            tensor.copy_((rounded / scale).to(tensor.dtype))
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "generator.bin"), "wb") as f:
        f.write(b"".join(chunks))
    config = generator.config
    model = {
        # The format src/lib/weights.ts loads (with byte progress); config and training ride along.
        "format": "adain-notebook-weights",
        "source": source,
        "config": {
            "resolution": generator.synthesis.resolution,
            "zDim": config["z_dim"], "wDim": config["w_dim"], "mappingLayers": config["mapping_layers"],
            "channels": config["channels"], "numWs": generator.num_ws,
            "adainEpsilon": ADAIN_EPSILON, "leakyReluSlope": LEAKY_SLOPE, "mappingGain": MAPPING_GAIN,
            "pixelNormEpsilon": 1e-8, "upsample": "bilinear", "rgbSkips": config["rgb_skips"],
        },
        "training": meta,
        "weightsManifest": [{"paths": ["generator.bin"], "weights": specs}],
    }
    with open(os.path.join(out_dir, "model.json"), "w") as f:
        json.dump(model, f, indent=1)
    return sum(len(c) for c in chunks)


def encode(tensor):
    """float32 little-endian, base64; shapes travel beside it."""
    array = np.ascontiguousarray(tensor.detach().cpu().numpy().astype("<f4"))
    return {"shape": list(array.shape), "base64": base64.b64encode(array.tobytes()).decode("ascii")}


def nhwc(tensor_nchw):
    return tensor_nchw.permute(0, 2, 3, 1)


def reference_case(generator, z1, z2, crossover, psi, noise):
    """One reference batch; noise is a list of [N,1,H,W] per layer or None."""
    record = []
    images = generator(z1, z2, crossover, psi, noise, record)
    return {
        "z1": encode(z1), "z2": None if z2 is None else encode(z2), "crossover": crossover, "psi": psi,
        "noise": None if noise is None else [encode(nhwc(n)) for n in noise],
        "w1": encode(generator.mapping(z1)),
        "styleScales": [encode(r["style_scale"]) for r in record],
        "styleBiases": [encode(r["style_bias"]) for r in record],
        "images": encode(nhwc(images)),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--out", default=os.path.join(ROOT, "public", "generator"))
    p.add_argument("--reference", default=os.path.join(ROOT, "test", "fixtures", "generator-reference.json"))
    args = p.parse_args()

    state = torch.load(args.checkpoint)
    config = state["config"]
    generator = Generator(z_dim=config["z_dim"], w_dim=config["w_dim"], mapping_layers=config["mapping_layers"],
                          channels=tuple(config["channels"]), mapping_lr_mul=config["mapping_lr_mul"],
                          rgb_skips=config.get("rgb_skips", True))
    generator.load_state_dict(state["generator_ema"])
    generator.eval()
    meta = {"checkpoint": os.path.basename(args.checkpoint), "iteration": state["iteration"],
            "kimg": round(state["iteration"] * state["args"]["batch"] / 1000, 1),
            "minutes": round(state["elapsed_seconds"] / 60, 1),
            "data": "DiceBear Lorelei faces (CC0 1.0, Lisa Wischofsky), see training/DATA.md"}
    with open(args.checkpoint, "rb") as f:
        source = {"file": os.path.relpath(os.path.abspath(args.checkpoint), ROOT),
                  "sha256": hashlib.sha256(f.read()).hexdigest()}
    size = export_weights(generator, args.out, meta, source)
    print(f"wrote {args.out}: {size:,} bytes of weights, iteration {state['iteration']}")

    generator.double()
    rng = torch.Generator().manual_seed(2024)

    def normals(*shape):
        # Drawn in float32, so the fixture's float32 copy is exactly the input the float64 reference saw.
        return torch.randn(shape, generator=rng).double()

    z_dim = config["z_dim"]
    with torch.no_grad():
        mixed_noise = [normals(*s) for s in generator.synthesis.noise_shapes(4)]
        cases = [
            reference_case(generator, normals(4, z_dim), normals(4, z_dim), 3, 0.7, mixed_noise),
            reference_case(generator, normals(2, z_dim), None, generator.num_ws, 1.0, None),
        ]
    os.makedirs(os.path.dirname(args.reference), exist_ok=True)
    with open(args.reference, "w") as f:
        json.dump({"generatedBy": "training/export.py", "model": meta,
                   "layout": "images and noise NHWC; images in [-1, 1] (not clipped)", "cases": cases}, f)
    print(f"wrote {args.reference}")


if __name__ == "__main__":
    main()
