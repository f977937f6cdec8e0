"""Train the style-based generator on the DiceBear faces, in resumable chunks, on the CPU.

    /usr/bin/python3 training/train.py --run faces32 --minutes 110           # starts or resumes
    /usr/bin/python3 training/train.py --run faces32 --minutes 110 --threads 2
    /usr/bin/python3 training/train.py --run faces32-noskip --no-rgb-skips \
        --init-from training/runs/faces32/latest.pt --skip-fade-kimg 16       # a new run from an old one

Everything lives in training/runs/<run>/: latest.pt (resume point), ckpt-<iter>.pt (the last few),
healthy.pt (the newest checkpoint whose diversity was still healthy: the fallback after a collapse),
milestone-<iter>.pt (every --milestone-every iterations, kept), log.jsonl (losses, speed, diversity),
samples-<iter>.png (EMA samples for fixed z's; row pairs also show style mixing) and reals.png.
"""
import argparse
import copy
import json
import math
import os
import shutil
import sys
import time

# OpenBLAS starts a worker per core when it loads and torch.set_num_threads does not reach it; on these
# shared 2-core machines its spinning worker took most of a second core. Set before numpy/torch load.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import imagegrid  # noqa: E402
from stylegan import Discriminator, Generator  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--run", default="faces32")
    p.add_argument("--data", default=os.path.join(HERE, "data", "faces-32.npy"))
    p.add_argument("--minutes", type=float, default=110.0, help="stop (with a checkpoint) after this long")
    p.add_argument("--threads", type=int, default=1, help="torch threads; the machine's 2 cores are shared")
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--r1-gamma", type=float, default=4.0)
    p.add_argument("--r1-every", type=int, default=16, help="lazy R1: penalise every this many D steps")
    p.add_argument("--mixing", type=float, default=0.9, help="style-mixing regularisation probability")
    p.add_argument("--ema-kimg", type=float, default=10.0, help="EMA half-life in thousands of images")
    p.add_argument("--channels", default="128,128,64,32")
    p.add_argument("--no-rgb-skips", dest="rgb_skips", action="store_false",
                   help="only the last resolution's toRGB draws the image (see stylegan.py)")
    p.add_argument("--init-from", help="a new run starts from this checkpoint's networks (fresh optimisers)")
    p.add_argument("--skip-fade-kimg", type=float, default=0.0,
                   help="with --no-rgb-skips and --init-from a skip run: fade the skips out over this many kimg")
    p.add_argument("--log-every", type=int, default=50)
    p.add_argument("--sample-every", type=int, default=500, help="sample grid + diversity every N iterations")
    p.add_argument("--checkpoint-minutes", type=float, default=5.0)
    p.add_argument("--keep", type=int, default=4, help="rolling ckpt-<iter>.pt files to keep")
    p.add_argument("--milestone-every", type=int, default=5000)
    p.add_argument("--healthy-ratio", type=float, default=0.6,
                   help="diversity (EMA samples / reals) at or above this counts as healthy")
    p.add_argument("--seed", type=int, default=1)
    return p.parse_args()


def mean_pairwise_distance(images):
    """Mean over pairs of the RMS pixel difference, images [N,3,H,W] in [−1, 1]."""
    flat = images.flatten(1).double()
    squared = flat.pow(2).sum(1)
    d2 = (squared[:, None] + squared[None, :] - 2 * flat @ flat.T).clamp_min(0) / flat.shape[1]
    n = flat.shape[0]
    return (d2.sqrt().sum() / (n * (n - 1))).item()


def requires_grad(module, flag):
    for p in module.parameters():
        p.requires_grad_(flag)


def sample_ws(generator, batch, mixing):
    """w per layer for a batch; with probability `mixing`, a second w takes over from a random layer on."""
    z = torch.randn(batch, generator.z_dim)
    w = generator.mapping(z)
    ws = w[:, None, :].repeat(1, generator.num_ws, 1)
    if torch.rand([]).item() < mixing:
        crossover = int(torch.randint(1, generator.num_ws, []).item())
        w2 = generator.mapping(torch.randn(batch, generator.z_dim))
        ws = torch.cat([ws[:, :crossover], w2[:, None, :].repeat(1, generator.num_ws - crossover, 1)], 1)
    return w, ws


def save_checkpoint(path, state):
    tmp = path + ".tmp"
    torch.save(state, tmp)
    os.replace(tmp, path)  # atomic: a kill mid-write never leaves a broken resume point


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    run_dir = os.path.join(HERE, "runs", args.run)
    os.makedirs(run_dir, exist_ok=True)
    latest = os.path.join(run_dir, "latest.pt")

    data = torch.from_numpy(np.load(args.data)).permute(0, 3, 1, 2).contiguous()  # uint8 [N,3,H,W]
    channels = tuple(int(c) for c in args.channels.split(","))

    generator = Generator(channels=channels, rgb_skips=args.rgb_skips)
    discriminator = Discriminator(channels=channels)
    generator_ema = copy.deepcopy(generator).eval()
    requires_grad(generator_ema, False)
    # Lazy R1: D's optimiser hyper-parameters are corrected for the regulariser running every r1_every steps.
    d_ratio = args.r1_every / (args.r1_every + 1)
    g_optim = torch.optim.Adam(generator.parameters(), lr=args.lr, betas=(0.0, 0.99))
    d_optim = torch.optim.Adam(discriminator.parameters(), lr=args.lr * d_ratio, betas=(0.0, 0.99 ** d_ratio))

    torch.manual_seed(args.seed)
    fixed_z = torch.randn(64, generator.z_dim)
    fixed_noise_seed = 1234
    iteration, elapsed_before, fade_start = 0, 0.0, 0
    if os.path.exists(latest):
        state = torch.load(latest)
        generator.load_state_dict(state["generator"])
        discriminator.load_state_dict(state["discriminator"])
        generator_ema.load_state_dict(state["generator_ema"])
        g_optim.load_state_dict(state["g_optim"])
        d_optim.load_state_dict(state["d_optim"])
        fixed_z = state["fixed_z"]
        iteration, elapsed_before = state["iteration"], state["elapsed_seconds"]
        fade_start = state.get("fade_start", 0)
        torch.set_rng_state(state["rng"])
        print(f"resumed {latest} at iteration {iteration}", flush=True)
    elif args.init_from:
        state = torch.load(args.init_from)
        generator.load_state_dict(state["generator"])
        discriminator.load_state_dict(state["discriminator"])
        generator_ema.load_state_dict(state["generator_ema"])
        fixed_z = state["fixed_z"]
        iteration, elapsed_before = state["iteration"], state["elapsed_seconds"]
        fade_start = iteration
        print(f"started from {args.init_from} at iteration {iteration}", flush=True)
    if not os.path.exists(os.path.join(run_dir, "reals.png")):
        imagegrid.write_png(os.path.join(run_dir, "reals.png"),
                            imagegrid.grid(data[:64].permute(0, 2, 3, 1).numpy(), 8, upscale=3))
    print(f"G {sum(p.numel() for p in generator.parameters()):,} params, "
          f"D {sum(p.numel() for p in discriminator.parameters()):,} params, data {tuple(data.shape)}", flush=True)

    real_diversity_images = data[torch.randperm(len(data), generator=torch.Generator().manual_seed(0))[:256]]
    real_diversity = mean_pairwise_distance(real_diversity_images.float() / 127.5 - 1)
    log = open(os.path.join(run_dir, "log.jsonl"), "a")

    def state_dict():
        return {"generator": generator.state_dict(), "discriminator": discriminator.state_dict(),
                "generator_ema": generator_ema.state_dict(), "g_optim": g_optim.state_dict(),
                "d_optim": d_optim.state_dict(), "fixed_z": fixed_z, "iteration": iteration,
                "elapsed_seconds": elapsed_before + time.time() - started, "rng": torch.get_rng_state(),
                "config": generator.config, "args": vars(args), "fade_start": fade_start}

    def copy_atomically(source, target):
        # Export may read healthy.pt at any moment: never let it see half a file.
        shutil.copyfile(source, target + ".tmp")
        os.replace(target + ".tmp", target)

    def write_checkpoint(diversity_ratio):
        state = state_dict()
        save_checkpoint(latest, state)
        copy_atomically(latest, os.path.join(run_dir, f"ckpt-{iteration:06d}.pt"))
        if diversity_ratio is not None and diversity_ratio >= args.healthy_ratio:
            copy_atomically(latest, os.path.join(run_dir, "healthy.pt"))
        old = sorted(f for f in os.listdir(run_dir) if f.startswith("ckpt-") and f.endswith(".pt"))
        for name in old[:-args.keep]:
            os.remove(os.path.join(run_dir, name))

    def evaluate():
        """Sample grid of the EMA generator and its diversity relative to the training images."""
        with torch.no_grad():
            noise_rng = torch.Generator().manual_seed(fixed_noise_seed)
            noise = [torch.randn(s, generator=noise_rng) for s in generator_ema.synthesis.noise_shapes(64)]
            images = generator_ema(fixed_z, noise=noise)
            # Last row: style mixing, coarse layers (4×4, 8×8) from row 1's z's and fine layers from row 2's.
            mixed = generator_ema(fixed_z[:8], z2=fixed_z[8:16], crossover=4, noise=[n[:8] for n in noise])
            sample_images = torch.cat([generator_ema(torch.randn(64, generator.z_dim)) for _ in range(4)])
        imagegrid.write_png(os.path.join(run_dir, f"samples-{iteration:06d}.png"),
                            imagegrid.grid(imagegrid.to_uint8(torch.cat([images[:48], mixed])), 8, upscale=3))
        return mean_pairwise_distance(sample_images.clamp(-1, 1))

    started = time.time()
    last_checkpoint = started
    window_start, window_iterations = time.time(), 0
    sums = {"d_loss": 0.0, "g_loss": 0.0, "real_score": 0.0, "fake_score": 0.0}
    last_r1 = float("nan")
    diversity_ratio = None

    def set_skip_weight():
        if args.rgb_skips:
            return
        faded_kimg = (iteration - fade_start) * args.batch / 1000
        weight = max(0.0, 1.0 - faded_kimg / args.skip_fade_kimg) if args.skip_fade_kimg > 0 and fade_start else 0.0
        generator.synthesis.skip_weight = generator_ema.synthesis.skip_weight = weight

    while True:
        set_skip_weight()
        # --- discriminator step (+ lazy R1 on reals)
        requires_grad(generator, False)
        requires_grad(discriminator, True)
        reals = data[torch.randint(0, len(data), (args.batch,))].float() / 127.5 - 1
        with torch.no_grad():
            _, ws = sample_ws(generator, args.batch, args.mixing)
            fakes = generator.synthesis(ws)
        real_logits, fake_logits = discriminator(reals), discriminator(fakes)
        d_loss = F.softplus(fake_logits).mean() + F.softplus(-real_logits).mean()
        d_optim.zero_grad(set_to_none=True)
        d_loss.backward()
        d_optim.step()
        if iteration % args.r1_every == 0:
            reals.requires_grad_(True)
            (grad,) = torch.autograd.grad(discriminator(reals).sum(), reals, create_graph=True)
            r1 = grad.pow(2).flatten(1).sum(1).mean()
            d_optim.zero_grad(set_to_none=True)
            (args.r1_gamma / 2 * r1 * args.r1_every).backward()
            d_optim.step()
            last_r1 = r1.item()

        # --- generator step (non-saturating loss, mixing regularisation)
        requires_grad(generator, True)
        requires_grad(discriminator, False)
        w, ws = sample_ws(generator, args.batch, args.mixing)
        g_loss = F.softplus(-discriminator(generator.synthesis(ws))).mean()
        g_optim.zero_grad(set_to_none=True)
        g_loss.backward()
        g_optim.step()

        with torch.no_grad():
            generator.w_avg.lerp_(w.mean(0), 1 - 0.995)
            # The EMA half-life ramps up (5% of the images seen so far), so early samples are not stuck at init.
            half_life_images = min(args.ema_kimg * 1000, (iteration + 1) * args.batch * 0.05)
            beta = 0.5 ** (args.batch / half_life_images)
            for p_ema, p in zip(generator_ema.parameters(), generator.parameters()):
                p_ema.lerp_(p, 1 - beta)
            generator_ema.w_avg.copy_(generator.w_avg)

        iteration += 1
        window_iterations += 1
        sums["d_loss"] += d_loss.item()
        sums["g_loss"] += g_loss.item()
        sums["real_score"] += real_logits.mean().item()
        sums["fake_score"] += fake_logits.mean().item()

        out_of_time = time.time() - started > args.minutes * 60
        evaluate_now = iteration % args.sample_every == 0 or out_of_time
        if evaluate_now:
            diversity = evaluate()
            diversity_ratio = diversity / real_diversity
        if iteration % args.log_every == 0 or evaluate_now:
            now = time.time()
            entry = {"iteration": iteration, "kimg": round(iteration * args.batch / 1000, 2),
                     "minutes": round((elapsed_before + now - started) / 60, 2),
                     "it_per_s": round(window_iterations / (now - window_start), 3),
                     **{k: round(v / window_iterations, 4) for k, v in sums.items()}, "r1": None if math.isnan(last_r1) else round(last_r1, 4)}
            if evaluate_now:
                entry.update({"diversity_samples": round(diversity, 4), "diversity_reals": round(real_diversity, 4),
                              "diversity_ratio": round(diversity_ratio, 4)})
                if diversity_ratio < args.healthy_ratio:
                    entry["warning"] = "diversity below the healthy ratio: possible mode collapse; healthy.pt is older"
            log.write(json.dumps(entry) + "\n")
            log.flush()
            print(json.dumps(entry), flush=True)
            window_start, window_iterations = now, 0
            sums = {k: 0.0 for k in sums}

        if evaluate_now and (time.time() - last_checkpoint > args.checkpoint_minutes * 60 or out_of_time):
            write_checkpoint(diversity_ratio)
            last_checkpoint = time.time()
        if iteration % args.milestone_every == 0:
            save_checkpoint(os.path.join(run_dir, f"milestone-{iteration:06d}.pt"), state_dict())
        if out_of_time:
            print(f"stopping after {args.minutes} minutes at iteration {iteration}", flush=True)
            break


if __name__ == "__main__":
    main()
